"""The cohort progress matrix: learners by modules, built with a fixed number of queries.

Higher apps add columns (quiz scores, certificate status) by registering a column source, so
`courses` never imports them: `source(course, learner_ids)` returns
(columns: [(key, label)], values: {learner_id: {key: value}}) in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .course_tree import live_modules_and_steps
from .models import Enrollment, StepProgress

_column_sources = []

ORDERINGS = {
    "name": lambda row: row.learner_name.casefold(),
    "progress": lambda row: (row.percent, row.learner_name.casefold()),
    "activity": lambda row: (row.last_activity.timestamp() if row.last_activity else 0,),
}


def register_column_source(source):
    if source not in _column_sources:
        _column_sources.append(source)


@dataclass
class MatrixRow:
    learner_id: int
    learner_name: str
    email: str
    organisation: str
    status: str
    last_activity: datetime | None
    completed: int = 0
    total: int = 0
    modules: dict = field(default_factory=dict)  # module key -> (done, total)
    extra: dict = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0


@dataclass
class CohortMatrix:
    module_columns: list  # [(key, title)]
    extra_columns: list  # [(key, label)]
    rows: list[MatrixRow]

    def export_columns(self) -> list[tuple[str, str]]:
        return [
            ("learner_name", _("Learner")),
            ("email", _("Email")),
            ("organisation", _("Organisation")),
            ("status", _("Status")),
            ("percent", _("Progress (%)")),
            *self.module_columns,
            *self.extra_columns,
            ("last_activity", _("Last activity")),
        ]

    def export_row(self, row: MatrixRow) -> dict:
        values = {
            "learner_name": row.learner_name,
            "email": row.email,
            "organisation": row.organisation,
            "status": row.status,
            "percent": row.percent,
            "last_activity": row.last_activity,
        }
        for key, _title in self.module_columns:
            done, total = row.modules.get(key, (0, 0))
            values[key] = f"{done}/{total}"
        for key, _label in self.extra_columns:
            values[key] = row.extra.get(key, "")
        return values


def cohort_matrix(*, cohort, organisation_id=None, status=None, order="name") -> CohortMatrix:
    """Every learner of the cohort with completion per module and the registered columns."""
    course = cohort.course
    enrollments = Enrollment.objects.filter(cohort=cohort).select_related("learner__organisation")
    if organisation_id:
        enrollments = enrollments.filter(learner__organisation_id=organisation_id)
    if status:
        enrollments = enrollments.filter(status=status)
    enrollments = list(enrollments)
    modules, steps = live_modules_and_steps([course])
    required = [step for step in steps if step.is_required]
    module_of = {step.pk: step.path[: -Page.steplen] for step in required}
    learner_ids = [e.learner_id for e in enrollments]
    done = defaultdict(set)
    for learner_id, step_id in (
        StepProgress.objects.filter(learner_id__in=learner_ids, step_id__in=list(module_of))
        .exclude(completed_at=None)
        .values_list("learner_id", "step_id")
    ):
        done[learner_id].add(step_id)
    per_module = defaultdict(list)
    for step in required:
        per_module[module_of[step.pk]].append(step.pk)
    module_columns = [(f"module_{m.pk}", m.title) for m in modules if m.path in per_module]
    extra_columns, extra_values = [], defaultdict(dict)
    for source in _column_sources:
        columns, values = source(course, learner_ids)
        extra_columns += columns
        for learner_id, by_key in values.items():
            extra_values[learner_id].update(by_key)
    rows = []
    for enrollment in enrollments:
        learner = enrollment.learner
        finished = done[learner.pk]
        row = MatrixRow(
            learner_id=learner.pk,
            learner_name=learner.full_name,
            email=learner.email,
            organisation=learner.organisation.name if learner.organisation else "",
            status=enrollment.get_status_display(),
            last_activity=enrollment.last_activity_at,
            completed=len(finished),
            total=len(required),
            extra=extra_values.get(learner.pk, {}),
        )
        for module in modules:
            ids = per_module.get(module.path)
            if ids:
                row.modules[f"module_{module.pk}"] = (len(finished.intersection(ids)), len(ids))
        rows.append(row)
    key = ORDERINGS.get(order.lstrip("-"), ORDERINGS["name"])
    rows.sort(key=key, reverse=order.startswith("-"))
    return CohortMatrix(module_columns=module_columns, extra_columns=extra_columns, rows=rows)


_organisation_column_sources = []


def register_organisation_column_source(source):
    """`source(organisation_ids)` returns (columns: [(key, label)], {organisation_id: {key: n}})."""
    if source not in _organisation_column_sources:
        _organisation_column_sources.append(source)


@dataclass
class OrganisationRow:
    organisation_id: int
    name: str
    kind: str
    place: str
    learners: int
    enrollments: int
    completions: int
    extra: dict = field(default_factory=dict)


def organisation_summary(*, organisations) -> tuple[list, list[OrganisationRow]]:
    """Learners, enrollments and completions per organisation, plus registered columns
    (certificates), in a fixed number of queries."""
    organisations = list(
        organisations.annotate(
            learner_count=Count("members", distinct=True),
            enrollment_count=Count("members__enrollments", distinct=True),
            completion_count=Count(
                "members__enrollments",
                filter=Q(members__enrollments__status=Enrollment.Status.COMPLETED),
                distinct=True,
            ),
        ).order_by("name")
    )
    ids = [o.pk for o in organisations]
    extra_columns, extra = [], defaultdict(dict)
    for source in _organisation_column_sources:
        columns, values = source(ids)
        extra_columns += columns
        for organisation_id, by_key in values.items():
            extra[organisation_id].update(by_key)
    rows = [
        OrganisationRow(
            organisation_id=o.pk,
            name=o.name,
            kind=o.get_kind_display(),
            place=o.place,
            learners=o.learner_count,
            enrollments=o.enrollment_count,
            completions=o.completion_count,
            extra=extra.get(o.pk, {}),
        )
        for o in organisations
    ]
    return extra_columns, rows
