"""Reads for learner-facing pages. Each runs a fixed number of queries, whatever the course size."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property, reduce
from itertools import groupby
from operator import or_
from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, Page

from academy.core.languages import content_languages
from academy.core.models import remember_url, shown_in
from academy.core.page_cache import tree_cached
from academy.core.search import search_fold
from academy.governance.models import Principle

from .models import Cohort, CoursePage, Enrollment, LessonPage, ModulePage, StepProgress
from .steps import step_models
from .translations import best_version, canonical_pk, localized, originals, versions_by_key

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from academy.accounts.models import User


@dataclass(frozen=True)
class Progress:
    completed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.completed >= self.total


@dataclass
class OutlineStep:
    """A step as shown (`page`, in the reader's language or a fallback); progress is kept on
    its original (`canonical_pk`), so it is the same step in every language."""

    page: Page
    number: int
    completed: bool = False
    started: bool = False
    canonical_pk: int | None = None

    def is_version_of(self, page) -> bool:
        """Whether `page` (or a page id) is this step in any language."""
        if isinstance(page, int):
            return page in (self.page.pk, self.canonical_pk)
        return page.translation_key == self.page.translation_key


@dataclass
class OutlineModule:
    page: ModulePage
    steps: list[OutlineStep] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return _progress_of(self.steps)


# A course page lists every step of a course of up to this many; of a longer one, the steps of
# one module only (`CourseOutline.listed_module`): the others show their progress and link to
# their own page, so the page of a long course stays short to read and cheap to render.
LONG_COURSE_STEPS = 40


@dataclass
class CourseOutline:
    """A course as a learner sees it: live modules and steps in order, with their progress."""

    course: CoursePage  # as shown: in the reader's language where translated
    enrollment: Enrollment | None
    modules: list[OutlineModule]
    principles: dict[int, list[Principle]] = field(default_factory=dict)  # by lesson id

    # Read many times per page; an outline does not change once built (`_outline`).
    @cached_property
    def steps(self) -> list[OutlineStep]:
        return [step for module in self.modules for step in module.steps]

    @cached_property
    def progress(self) -> Progress:
        return _progress_of(self.steps)

    @property
    def is_enrolled(self) -> bool:
        return self.enrollment is not None

    @property
    def resume_step(self) -> OutlineStep | None:
        """Where "Continue" leads: the last visited step if unfinished, else the first unfinished"""
        steps = self.steps
        last_id = self.enrollment.last_step_id if self.enrollment else None
        for step in steps:
            if step.canonical_pk == last_id and not step.completed:
                return step
        return next((step for step in steps if not step.completed), None)

    @property
    def listed_module(self) -> OutlineModule | None:
        """The one module whose steps the course page lists, when the course is long: the one
        "Continue" leads to, else the first. None: list the steps of every module."""
        if len(self.steps) <= LONG_COURSE_STEPS:
            return None
        resume = self.resume_step
        return (resume and self.locate(resume.page)[0]) or self.modules[0]

    def module(self, module) -> OutlineModule | None:
        """The entry of `module` (in any of its languages)."""
        key = module.translation_key
        return next((m for m in self.modules if m.page.translation_key == key), None)

    def locate(self, step) -> tuple[OutlineModule | None, OutlineStep | None]:
        """The module and entry of `step` (a page in any of its languages, or an id)."""
        for module in self.modules:
            for entry in module.steps:
                if entry.is_version_of(step):
                    return module, entry
        return None, None

    def neighbours(self, step) -> tuple[OutlineStep | None, OutlineStep | None]:
        steps = self.steps
        index = next((i for i, entry in enumerate(steps) if entry.is_version_of(step)), None)
        if index is None:
            return None, None
        previous = steps[index - 1] if index > 0 else None
        following = steps[index + 1] if index + 1 < len(steps) else None
        return previous, following


def _progress_of(steps: list[OutlineStep]) -> Progress:
    required = [step for step in steps if step.page.is_required]
    return Progress(completed=sum(step.completed for step in required), total=len(required))


def _learner_or_none(learner):
    return learner if learner is not None and learner.is_authenticated else None


def live_modules_and_steps(courses) -> tuple[list[ModulePage], list[Page]]:
    """Live modules of the given courses and the live steps inside them, in tree order.

    Three queries plus one per step type, however many steps there are.
    """
    if not courses:
        return [], []
    under_courses = reduce(or_, (Q(path__startswith=c.path, depth__gt=c.depth) for c in courses))
    modules = list(ModulePage.objects.live().filter(under_courses).order_by("path"))
    live_module_paths = {module.path for module in modules}
    steps = [
        step
        for step in Page.objects.live()
        .filter(under_courses)
        .type(*step_models())
        .order_by("path")
        .specific()
        .defer_streamfields()
        if step.path[: -Page.steplen] in live_module_paths
    ]
    return modules, steps


COURSE_TREES = "course-2"  # a new name when _CourseTree changes: servers of both versions run


@dataclass
class _CourseTree:
    """A course as published: its original's root, its live translations' roots by language
    code, and the live modules and steps below all of them (`languages_by_locale` reads their
    `locale_id`), with the principles of each lesson by its id. The same for every reader, so
    cached until the page tree next changes (or a principle is edited)."""

    canonical: Page
    roots: dict[str, Page]
    languages_by_locale: dict[int, str]
    modules: list[ModulePage] = field(default_factory=list)
    steps: list[Page] = field(default_factory=list)
    principles: dict[int, list[Principle]] = field(default_factory=dict)


def _course_trees(courses) -> dict:
    """The trees of `courses` (pages in any language), by translation key: one cache read, and
    for those not cached five queries plus one per step type, however many."""
    return tree_cached(COURSE_TREES, {c.translation_key for c in courses}, _read_course_trees)


def _read_course_trees(translation_keys) -> dict:
    rows = (
        Page.objects.filter(translation_key__in=translation_keys)
        .select_related("locale")
        .only("pk", "path", "depth", "live", "translation_key", "locale__language_code")
        .order_by("pk")
    )
    trees = {}
    for row in rows:
        tree = trees.setdefault(row.translation_key, _CourseTree(row, {}, {}))
        tree.languages_by_locale[row.locale_id] = row.locale.language_code
        if row.live:
            tree.roots[row.locale.language_code] = row
    roots = {r.pk: r for tree in trees.values() for r in (tree.canonical, *tree.roots.values())}
    modules, steps = live_modules_and_steps(list(roots.values()))
    site_paths = SimpleNamespace()  # Wagtail remembers the sites' root paths on it, once
    for page in (*modules, *steps):
        remember_url(page, site_paths)
    principles = _principles_by_lesson([step.pk for step in steps if isinstance(step, LessonPage)])
    for tree in trees.values():
        inside = tuple(root.path for root in (tree.canonical, *tree.roots.values()))
        tree.modules = [module for module in modules if module.path.startswith(inside)]
        tree.steps = [step for step in steps if step.path.startswith(inside)]
        tree.principles = {
            step.pk: principles.get(step.pk, [])
            for step in tree.steps
            if isinstance(step, LessonPage)
        }
    return trees


def _principles_by_lesson(lesson_ids) -> dict[int, list[Principle]]:
    """The principles of each lesson, in their order (`LessonPage.principles`): one query."""
    links = (
        LessonPage.principles.through.objects.filter(lessonpage_id__in=lesson_ids)
        .select_related("principle")
        .order_by("principle__number", "pk")  # as `Principle.objects.in_order()`
    )
    principles = {}
    for link in links:
        principles.setdefault(link.lessonpage_id, []).append(link.principle)
    return principles


def _outline(course, tree, enrollment, progress_by_step) -> CourseOutline:
    """The outline of the original course's live modules and steps, each shown in the best
    language available (see `translations.best_version`), with progress on the originals."""
    languages = content_languages()
    module_versions, step_versions = (
        versions_by_key(pages, lambda page: tree.languages_by_locale.get(page.locale_id))
        for pages in (tree.modules, tree.steps)
    )
    outline_modules = {}
    for module in tree.modules:
        if module.path.startswith(tree.canonical.path):
            shown = best_version(module_versions[module.translation_key], module, languages)
            outline_modules[module.path] = OutlineModule(page=shown)
    number = 0
    for step in tree.steps:
        module = outline_modules.get(step.path[: -Page.steplen])
        if module is None:
            continue
        number += 1
        module.steps.append(
            OutlineStep(
                page=best_version(step_versions[step.translation_key], step, languages),
                number=number,
                started=step.pk in progress_by_step,
                completed=progress_by_step.get(step.pk) is not None,
                canonical_pk=step.pk,
            )
        )
    return CourseOutline(
        course=course,
        enrollment=enrollment,
        modules=list(outline_modules.values()),
        principles=tree.principles,
    )


def _progress_by_step(learner, courses) -> dict:
    """When the learner completed each step they opened (None: not yet) in `courses` (their
    originals), by step id. Asked by the courses' tree paths rather than by a list of every step
    id, which would cost as much to build as the rest of the page's queries together."""
    if learner is None or not courses:
        return {}
    in_courses = reduce(or_, (Q(step__path__startswith=course.path) for course in courses))
    return dict(
        StepProgress.objects.filter(in_courses, learner=learner).values_list(
            "step_id", "completed_at"
        )
    )


def _enrollments(learner, trees) -> list[Enrollment]:
    if learner is None or not trees:
        return []
    return list(
        Enrollment.objects.filter(
            learner=learner, course_id__in=[tree.canonical.pk for tree in trees.values()]
        ).order_by()  # in no order: they are looked up by course
    )


def course_outline_for(*, course: CoursePage, learner) -> CourseOutline:
    """The outline of `course` (in any language) with `learner`'s progress (none for visitors
    or non-enrolled)."""
    learner = _learner_or_none(learner)
    trees = _course_trees([course])
    shown = _best_course(course, trees[course.translation_key])
    return outlines_for(
        courses=[shown], learner=learner, enrollments=_enrollments(learner, trees), trees=trees
    )[shown.pk]


def _best_course(course, tree: _CourseTree) -> CoursePage:
    """`course` in the reader's best language: itself when it is (one more query when a page
    reached through a fallback has a better version, e.g. the Serbian course above a Bosnian
    module shown to a Serbian reader)."""
    languages = content_languages()
    language = next((code for code in languages if code in tree.roots), None)
    if language is None or tree.roots[language].pk == course.pk:
        return course
    better = CoursePage.objects.get(pk=tree.roots[language].pk)
    return best_version({language: better}, better, languages)


def outlines_for(*, courses, learner, enrollments, trees=None) -> dict[int, CourseOutline]:
    """Outlines of several courses at once (catalogue, dashboard), keyed by course id; the
    courses may be in any language, `enrollments` are in their originals. `trees` (from
    `_course_trees`) saves reading them again when the caller has them already."""
    learner = _learner_or_none(learner)
    trees = trees if trees is not None else _course_trees(courses) if courses else {}
    by_course = {e.course_id: e for e in enrollments}
    enrolled = [tree for tree in trees.values() if tree.canonical.pk in by_course]
    progress = _progress_by_step(learner, [tree.canonical for tree in enrolled])
    outlines = {}
    for course in courses:
        tree = trees[course.translation_key]
        enrollment = by_course.get(tree.canonical.pk)
        outlines[course.pk] = _outline(course, tree, enrollment, progress if enrollment else {})
    return outlines


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
    learner = _learner_or_none(learner)
    trees = _course_trees(courses)
    outlines = outlines_for(
        courses=courses, learner=learner, enrollments=_enrollments(learner, trees), trees=trees
    )
    return [CourseCard(course=c, outline=outlines[c.pk]) for c in courses]


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


def course_of_step(step: Page) -> CoursePage | None:
    """The step's course: the one routing passed through to serve it (no query; in the reader's
    language, its own fields not loaded), else its ancestor."""
    parent = getattr(step, "_cached_parent_obj", None)
    while parent is not None:
        if isinstance(parent, CoursePage):
            return parent
        parent = getattr(parent, "_cached_parent_obj", None)
    return CoursePage.objects.ancestor_of(step).first()


def step_context(*, step, learner, outline=None) -> dict:
    """What a step page shows around its body: the outline (the one `CourseStep.serve` read,
    else the learner's), its module, previous and next."""
    if outline is None:
        outline = course_outline_for(course=course_of_step(step), learner=learner)
    module, entry = outline.locate(step)
    previous, following = outline.neighbours(step)
    return {
        "outline": outline,
        "module_entry": module,
        "step_entry": entry,
        "previous_step": previous,
        "next_step": following,
    }


def enrollment_of(*, learner, course) -> Enrollment | None:
    """The learner's enrollment in `course` (in any of its languages), or None (visitors
    included)."""
    learner = _learner_or_none(learner)
    if not learner:
        return None
    return Enrollment.objects.filter(learner=learner, course_id=canonical_pk(course)).first()


INACTIVE_DAYS = 14  # a learner this many days without activity gets a reminder
REMINDER_INTERVAL_DAYS = 7  # and at most one reminder in this many days


@dataclass(frozen=True)
class InactivityReminder:
    """One email to write: a learner and the cohort enrollments they have let rest."""

    learner: "User"
    enrollments: list[Enrollment]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def not_reminded_recently(*, today: date, prefix="") -> Q:
    """A filter on users: no reminder in the last 7 calendar days, today included."""
    reminded_before = _start_of(today - timedelta(days=REMINDER_INTERVAL_DAYS - 1))
    return Q(**{f"{prefix}last_reminded_at__isnull": True}) | Q(
        **{f"{prefix}last_reminded_at__lt": reminded_before}
    )


def learners_to_remind(*, today: date) -> list[InactivityReminder]:
    """Learners to remind today, each once with all their qualifying enrollments (ordered by
    course title): enrolled through a cohort active today in a live course, not completed, last
    active (or enrolled, if never active) 14 or more calendar days ago, not opted out, not
    reminded in the last 7 days, and with an active account.

    Days are calendar days in the site's time zone, so a weekly run a few seconds earlier
    than last week's still counts a week. One query, however many learners."""
    inactive_before = _start_of(today - timedelta(days=INACTIVE_DAYS - 1))
    enrollments = (
        Enrollment.objects.filter(
            Cohort.active_on_filter(today, prefix="cohort__"),
            not_reminded_recently(today=today, prefix="learner__"),
            cohort__isnull=False,
            completed_at__isnull=True,
            course__live=True,
            learner__is_active=True,
            learner__reminders_opt_out=False,
        )
        .exclude(status=Enrollment.Status.COMPLETED)
        .alias(last_seen=Coalesce("last_activity_at", "enrolled_at"))
        .filter(last_seen__lt=inactive_before)
        .select_related("learner", "course")
        .order_by("learner_id", "course__title", "pk")
    )
    return [
        InactivityReminder(learner=rows[0].learner, enrollments=rows)
        for rows in (list(group) for _id, group in groupby(enrollments, key=lambda e: e.learner_id))
    ]
