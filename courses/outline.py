"""The course outline: a course's live modules and steps in the reader's language, with a
learner's progress. Each read runs a fixed number of queries, whatever the course size."""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from django.db import connection
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page

from academy.core.languages import content_languages
from academy.core.page_cache import TREE_CACHE_SECONDS, tree_generation
from academy.core.wagtail_compat import known_parent
from academy.governance.models import Principle

from .course_tree import CourseTree, course_trees
from .models import CoursePage, Enrollment, ModulePage, StepProgress
from .steps import step_models
from .translations import best_version, canonical_pk


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

    # A rendered outline is kept as long as the tree it was read from.
    cache_seconds = TREE_CACHE_SECONDS

    # Read many times per page; an outline does not change once built (`_outline`).
    @cached_property
    def steps(self) -> list[OutlineStep]:
        return [step for module in self.modules for step in module.steps]

    @cached_property
    def progress(self) -> Progress:
        return _progress_of(self.steps)

    @cached_property
    def rendered_version(self) -> str:
        """Everything the outline's HTML shows, as a short digest: the published tree (titles,
        URLs, which steps are required), the language (and so which version of each module and
        step is shown: `CourseTree.versions_shown`), the course, and the learner's progress on each
        step. Its rendering, cached under it, is never stale: a publish, a language or a step
        done is a new key."""
        progress = "".join("c" if s.completed else "s" if s.started else "-" for s in self.steps)
        key = f"{tree_generation()}|{get_language()}|{self.is_enrolled}|{self.course.pk}|{progress}"
        return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()

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


def learner_or_none(learner):
    return learner if learner is not None and learner.is_authenticated else None


def _outline(course, tree, enrollment, progress_by_step) -> CourseOutline:
    """The outline of the original course's live modules and steps, each shown in the best
    language available (`CourseTree.versions_shown`), with progress on the originals."""
    modules, number = [], 0
    for module, steps in tree.versions_shown(tuple(content_languages())):
        entries = []
        for page, original in steps:
            number += 1
            entries.append(
                OutlineStep(
                    page=page,
                    number=number,
                    started=original in progress_by_step,
                    completed=progress_by_step.get(original, False),
                    canonical_pk=original,
                )
            )
        modules.append(OutlineModule(page=module, steps=entries))
    return CourseOutline(
        course=course, enrollment=enrollment, modules=modules, principles=tree.principles
    )


def _progress_by_step(learner, courses) -> dict[int, bool]:
    """Whether the learner completed each step they opened in `courses` (their originals), by
    step id. Asked by the courses' tree paths rather than by a list of every step id, which
    would cost as much to build as the rest of the page's queries together."""
    if learner is None or not courses:
        return {}
    in_courses = reduce(or_, (Q(step__path__startswith=course.path) for course in courses))
    return {
        step: completed_at is not None
        for step, completed_at in StepProgress.objects.filter(
            in_courses, learner=learner
        ).values_list("step_id", "completed_at")
    }


def _enrollment_with_progress(learner, course) -> tuple[Enrollment | None, dict[int, bool]]:
    """The learner's enrollment in `course` (its original) and their progress in it (as
    `_progress_by_step`), in one query: what every step page reads for its learner, where the
    two ORM queries cost twice the time (mostly compiling them). In SQL because the ORM cannot
    put the progress, chosen by the course's tree path, on the enrollment's one row: the steps
    come as "12c,13" (12 completed, 13 opened)."""
    if learner is None:
        return None, {}
    enrollment = next(
        iter(
            Enrollment.objects.raw(
                _ENROLLMENT_WITH_PROGRESS[connection.vendor == "postgresql"],
                [f"{course.path}%", learner.pk, course.pk],
            )
        ),
        None,
    )
    if enrollment is None:
        return None, {}
    steps = enrollment.steps_opened.split(",") if enrollment.steps_opened else []
    return enrollment, {int(step.rstrip("c")): step.endswith("c") for step in steps}


# By whether the database is PostgreSQL (string_agg) or SQLite (group_concat).
_ENROLLMENT_WITH_PROGRESS = {
    postgresql: f"""
        SELECT enrollment.*, (
            SELECT {"string_agg" if postgresql else "group_concat"}(
                progress.step_id || CASE WHEN progress.completed_at IS NULL THEN '' ELSE 'c' END,
                ','
            )
            FROM {StepProgress._meta.db_table} progress
            WHERE progress.learner_id = enrollment.learner_id AND progress.step_id IN (
                SELECT id FROM {Page._meta.db_table} WHERE path LIKE %s
            )
        ) AS steps_opened
        FROM {Enrollment._meta.db_table} enrollment
        WHERE enrollment.learner_id = %s AND enrollment.course_id = %s"""  # noqa: S608 (only tables)
    for postgresql in (False, True)
}


def enrollments_in(learner, trees) -> list[Enrollment]:
    if learner is None or not trees:
        return []
    return list(
        Enrollment.objects.filter(
            learner=learner, course_id__in=[tree.canonical.pk for tree in trees.values()]
        ).order_by()  # in no order: they are looked up by course
    )


def course_progress_of(*, learner, course: CoursePage) -> Progress:
    """The learner's progress in `course` (its original) read straight from the database, not
    from the cached tree nor by building the outline: what a write such as completion decides
    on. The required live steps in live modules, and how many of them the learner completed:
    three queries, whatever the number of step types."""
    module_paths = list(
        ModulePage.objects.live()
        .filter(path__startswith=course.path, depth=course.depth + 1)
        .values_list("path", flat=True)
    )
    if not module_paths:
        return Progress(completed=0, total=0)
    in_live_modules = reduce(or_, (Q(path__startswith=path) for path in module_paths))
    # One query whatever the number of step types (each keeps `is_required` in its own table).
    required_of_each_type = [
        model.objects.live()
        .filter(in_live_modules, depth=course.depth + 2, is_required=True)
        .order_by()  # a compound statement's parts may not be ordered
        .values_list("pk", flat=True)
        for model in step_models()
    ]
    required = list(required_of_each_type[0].union(*required_of_each_type[1:], all=True))
    completed = StepProgress.objects.filter(
        learner=learner, step_id__in=required, completed_at__isnull=False
    ).count()
    return Progress(completed=completed, total=len(required))


def course_outline_for(*, course: CoursePage, learner) -> CourseOutline:
    """The outline of `course` (in any language) with `learner`'s progress (none for visitors
    or non-enrolled)."""
    tree = course_trees([course])[course.translation_key]
    enrollment, progress = _enrollment_with_progress(learner_or_none(learner), tree.canonical)
    return _outline(best_course(course, tree), tree, enrollment, progress)


def best_course(course, tree: CourseTree) -> CoursePage:
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
    `course_trees`) saves reading them again when the caller has them already."""
    learner = learner_or_none(learner)
    trees = trees if trees is not None else course_trees(courses) if courses else {}
    by_course = {e.course_id: e for e in enrollments}
    enrolled = [tree for tree in trees.values() if tree.canonical.pk in by_course]
    progress = _progress_by_step(learner, [tree.canonical for tree in enrolled])
    outlines = {}
    for course in courses:
        tree = trees[course.translation_key]
        enrollment = by_course.get(tree.canonical.pk)
        outlines[course.pk] = _outline(course, tree, enrollment, progress if enrollment else {})
    return outlines


def course_of_step(step: Page) -> CoursePage | None:
    """The step's course: the one routing passed through to serve it (no query; in the reader's
    language, its own fields not loaded), else its ancestor."""
    parent = known_parent(step)
    while parent is not None:
        if isinstance(parent, CoursePage):
            return parent
        parent = known_parent(parent)
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
    learner = learner_or_none(learner)
    if not learner:
        return None
    return Enrollment.objects.filter(learner=learner, course_id=canonical_pk(course)).first()
