"""One grading queue for every kind of work trainers grade (open quiz answers, assignments),
told by the apps that have it: each registers a source in `ready()`, so `courses` names
none.

A source is `source(user) -> list[WorkToGrade]`, registered under its kind: the work in the
courses `user` trains (all for superusers), waiting or graded in the last GRADED_DAYS days,
each with the URL of its grading page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from .models import CoursePage, Enrollment

GRADED_DAYS = 30

_sources: dict[str, tuple[str, Callable]] = {}  # kind: (label, source)


@dataclass(frozen=True)
class WorkToGrade:
    kind: str  # a short name of the source: "quiz", "assignment"
    kind_label: str
    pk: int
    learner_id: int
    learner_name: str
    step_title: str
    step_path: str  # the step's tree path, to find its course
    submitted_at: datetime
    waiting: bool  # still to be graded
    status_label: str
    url: str
    course_id: int | None = None
    course_title: str = ""


def register_work_to_grade(kind: str, source: Callable, *, label) -> None:
    _sources[kind] = (label, source)


def grading_kinds() -> list[tuple[str, str]]:
    """(kind, label) of every kind of work in the queue, for its filter."""
    return [(kind, label) for kind, (label, _source) in _sources.items()]


def graded_since() -> datetime:
    return timezone.now() - timedelta(days=GRADED_DAYS)


def work_to_grade(user, *, kind=None, course_id=None, cohort_id=None, waiting=True) -> list:
    """The queue `user` sees, oldest first, each item with its course: of one `kind`, course,
    cohort, and waiting (True), graded (False) or both (None)."""
    chosen = [source for key, (_label, source) in _sources.items() if not kind or key == kind]
    items = [item for source in chosen for item in source(user)]
    if waiting is not None:
        items = [item for item in items if item.waiting == waiting]
    courses = {c.path: c for c in CoursePage.objects.only("pk", "path", "title", "depth")}
    items = [_with_course(item, courses) for item in items]
    if course_id:
        items = [item for item in items if item.course_id == int(course_id)]
    if cohort_id:
        members = set(
            Enrollment.objects.filter(cohort_id=cohort_id).values_list("learner_id", "course_id")
        )
        items = [item for item in items if (item.learner_id, item.course_id) in members]
    return sorted(items, key=lambda item: (item.submitted_at, item.kind, item.pk))


def _with_course(item: WorkToGrade, courses: dict) -> WorkToGrade:
    course = next((c for path, c in courses.items() if item.step_path.startswith(path)), None)
    if course is None:
        return item
    return WorkToGrade(**{**item.__dict__, "course_id": course.pk, "course_title": course.title})


def next_work_to_grade(user, *, after_kind: str, after_pk: int) -> WorkToGrade | None:
    """The waiting work that has waited longest for `user`, other than the one just graded."""
    return next(
        (
            item
            for item in work_to_grade(user)
            if not (item.kind == after_kind and item.pk == after_pk)
        ),
        None,
    )
