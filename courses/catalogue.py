"""The catalogue, a learner's courses, and lesson search: lists of courses and lessons, each once,
in the reader's language or the best fallback."""

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Locale, Page

from academy.core.languages import content_languages
from academy.core.models import shown_in
from academy.core.page_cache import cache_name, tree_cached
from academy.core.search import search_fold

from .course_tree import course_trees
from .models import CoursePage, Enrollment, LessonPage
from .outline import CourseOutline, enrollments_in, learner_or_none, outlines_for
from .translations import best_version, localized, originals, versions_by_key

if TYPE_CHECKING:
    from django.db.models import QuerySet


@dataclass
class CourseCard:
    course: CoursePage
    outline: CourseOutline


def catalogue_for(*, index, learner) -> list[CourseCard]:
    """Live courses of a catalogue (in any of its languages) with their principles and, where
    enrolled, progress; each course once, in the reader's language or the best fallback."""
    under_index = reduce(
        or_,
        (
            Q(path__startswith=path, depth=index.depth + 1)
            for path in index.get_translations(inclusive=True).values_list("path", flat=True)
        ),
    )
    candidates = list(
        CoursePage.objects.live()
        .public()
        .filter(under_index)
        .select_related("cover_image", "locale")
        .prefetch_related("principles")
        .order_by("pk")
    )
    languages = content_languages()
    courses = sorted(
        (
            best_version(group, next(iter(group.values())), languages)
            for group in versions_by_key(candidates).values()
        ),
        key=lambda course: course.path[index.depth * Page.steplen :],
    )
    learner = learner_or_none(learner)
    trees = course_trees(courses)
    outlines = outlines_for(
        courses=courses, learner=learner, enrollments=enrollments_in(learner, trees), trees=trees
    )
    return [CourseCard(course=c, outline=outlines[c.pk]) for c in courses]


def trainers_of(course: CoursePage) -> list[str]:
    """The names of who trains `course` (in any of its languages: trainers are kept on the
    original), for the course page to introduce before enrolment. Kept with the page tree:
    trainers change with a publish of the course (a renamed trainer shows after the next)."""

    def names(keys):
        rows = (
            get_user_model()
            .objects.filter(
                courses_trained__translation_key__in=keys,
                courses_trained__pk__in=originals(CoursePage.objects.all()).values("pk"),
                is_active=True,
            )
            .values_list("courses_trained__translation_key", "full_name", "email")
            .order_by("full_name")
        )
        found = {key: [] for key in keys}
        for key, full_name, email in rows:
            found[str(key)].append(full_name or email)
        return found

    key = str(course.translation_key)
    return tree_cached(cache_name("course-trainers"), [key], names).get(key, [])


def original_courses(request=None) -> "QuerySet[CoursePage]":
    """The courses admin forms and filters offer: each once, as written (its translations share
    its enrollments, cohorts and rules), by title. `request` lets filters call it."""
    return originals(CoursePage.objects.order_by("title"))


def my_learning_for(*, learner) -> list[CourseOutline]:
    """The learner's enrollments, most recent activity first, each with progress and next step."""
    enrollments = list(
        Enrollment.objects.filter(learner=learner, course__live=True)
        .select_related("course", "course__cover_image")
        .order_by("status", "-last_activity_at", "-enrolled_at")
    )
    shown = localized(
        [e.course for e in enrollments], CoursePage.objects.live().select_related("cover_image")
    )
    courses = [shown[e.course_id] for e in enrollments]
    outlines = outlines_for(courses=courses, learner=learner, enrollments=enrollments)
    return [outlines[c.pk] for c in courses]


def search_lessons(*, query: str, limit: int = 50) -> list[LessonPage]:
    """Live lessons matching `query` whatever its diacritics and script, in the reader's language
    (or the best fallback when a lesson is not translated), each lesson once, best first."""
    folded = search_fold(query)
    if not folded:
        return []
    languages = content_languages()
    results = (
        LessonPage.objects.live()
        .public()
        .filter(locale__in=Locale.objects.filter(language_code__in=languages))
        .select_related("locale")
        .search(folded)
    )
    best: dict = {}
    for rank, lesson in enumerate(results[: limit * len(languages)]):
        language = lesson.locale.language_code
        key = lesson.translation_key
        if key not in best or languages.index(language) < languages.index(best[key][1]):
            best[key] = (rank if key not in best else best[key][0], language, lesson)
    ordered = sorted(best.values(), key=lambda entry: entry[0])
    return [shown_in(lesson, page_language=language) for _rank, language, lesson in ordered][:limit]
