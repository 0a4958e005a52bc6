"""What a learner takes away from the assignments app: an action plan as a document (its PDF,
to take to the municipal council), and the portfolio's sections of passed assignments and action
plans. Each in a fixed number of queries, in the active language."""

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from academy.core.documents import Document, Entry, Grid, Section
from academy.core.formatting import day, percent
from courses.models import Enrollment
from courses.translations import localized

from .blocks import with_principle_labels
from .models import ActionPlan, ActionPlanPage, AssignmentPage, PlanAction, Submission

WORK_SHOWN = 3000  # characters of a passed assignment's text in the portfolio


def _plan_title(plan, step) -> str:
    return f"{step.title}: {plan.organisation or plan.started_by.full_name}"


def _goal_entries(goals) -> list[Entry]:
    done = PlanAction.Status.DONE
    return [
        Entry(
            title=goal.text,
            meta=", ".join(goal.principle_labels),
            paragraphs=[_("Indicators: %(text)s") % {"text": goal.indicators}]
            if goal.indicators
            else [],
            grid=Grid(
                header=[_("Action"), _("Who"), _("By when"), _("Status")],
                rows=[
                    [
                        action.text,
                        action.owner,
                        day(action.due_on),
                        ("✓ " if action.status == done else "") + action.get_status_display(),
                    ]
                    for action in goal.actions.all()
                ],
            )
            if goal.actions.all()
            else None,
        )
        for goal in goals
    ]


def plan_document(plan: ActionPlan, step: ActionPlanPage) -> Document:
    """The plan as its members and trainers print it: goals with principles and indicators,
    each goal's actions, the trainer's comment and the latest of its history (`step` is the
    plan's step in the reader's language)."""
    goals = with_principle_labels(list(plan.goals.prefetch_related("actions")))
    changes = list(plan.changes.select_related("author")[:30])
    sections = [
        Section(
            title=_("Goals and actions"),
            entries=_goal_entries(goals),
            empty=_("No goal yet."),
        ),
        Section(
            title=_("History"),
            entries=[
                Entry(
                    title=f"{day(change.at)} · {change.get_kind_display()}",
                    meta=change.author.full_name,
                    paragraphs=[change.subject]
                    + ([change.get_status_display()] if change.status else []),
                )
                for change in changes
            ],
        ),
    ]
    if plan.review_comment:
        comment = Entry(title=_("Trainer's comment"), paragraphs=[plan.review_comment])
        sections.insert(0, Section(title=_("Review"), entries=[comment]))
    return Document(
        title=_plan_title(plan, step),
        subtitle=" · ".join(
            [
                plan.get_status_display(),
                _("last changed %(date)s") % {"date": day(plan.updated_at)},
            ]
        ),
        sections=sections,
    )


def passed_assignments(*, learner) -> Section:
    """The portfolio's passed assignments: the work, the grade and the trainer's feedback on
    each criterion. Two queries."""
    passed = {
        submission.assignment_id: submission
        for submission in Submission.objects.filter(
            learner=learner, passed=True, status=Submission.Status.GRADED
        )
        .select_related("assignment")
        .order_by("graded_at")
    }
    shown = localized([s.assignment for s in passed.values()], AssignmentPage.objects.live())
    entries = []
    for submission in passed.values():
        assignment = shown.get(submission.assignment_id, submission.assignment)
        paragraphs = [Truncator(submission.text).chars(WORK_SHOWN)]
        if submission.feedback:
            paragraphs.append(_("Feedback: %(text)s") % {"text": submission.feedback})
        entries.append(
            Entry(
                title=assignment.title,
                meta=_("Graded %(date)s · %(score)s of %(max)s points (%(percent)s)")
                % {
                    "date": day(submission.graded_at),
                    "score": submission.score,
                    "max": submission.max_score,
                    "percent": percent(submission.percent),
                },
                url=assignment.url or "",
                paragraphs=paragraphs,
                grid=Grid(
                    header=[_("Criterion"), _("Level"), _("Feedback")],
                    rows=[
                        [
                            criterion["title"],
                            next(
                                (
                                    f"{level['name']} ({level['points']}/{criterion['max_points']})"
                                    for level in criterion["levels"]
                                    if level["id"] == criterion["chosen"]
                                ),
                                "-",
                            ),
                            criterion["feedback"],
                        ]
                        for criterion in submission.criteria()
                    ],
                ),
            )
        )
    return Section(
        title=_("Assignments passed"),
        entries=entries,
        empty=_("No assignment passed yet."),
    )


def plans_of(learner):
    """The action plans `learner` writes in: their own, and their organisation's in the courses
    they are enrolled in."""
    plans = list(
        ActionPlan.objects.filter(
            Q(started_by=learner)
            | Q(organisation_id=learner.organisation_id, organisation__isnull=False)
        )
        .select_related("step", "organisation", "started_by")
        .prefetch_related("goals__actions")
        .order_by("step__path")
    )
    if any(plan.started_by_id != learner.pk for plan in plans):
        enrolled = Enrollment.objects.filter(learner=learner).values_list("course__path", flat=True)
        paths = list(enrolled)
        plans = [
            plan
            for plan in plans
            if plan.started_by_id == learner.pk
            or any(plan.step.path.startswith(path) for path in paths)
        ]
    return plans


def action_plans(*, learner) -> Section:
    """The portfolio's action plans: each goal with its principles and how many of its actions
    are done. Five queries."""
    plans = plans_of(learner)
    with_principle_labels([goal for plan in plans for goal in plan.goals.all()])
    steps = localized([plan.step for plan in plans], ActionPlanPage.objects.live())
    entries = []
    for plan in plans:
        step = steps.get(plan.step_id, plan.step)
        rows = []
        for goal in plan.goals.all():
            actions = goal.actions.all()
            done = sum(action.status == PlanAction.Status.DONE for action in actions)
            rows.append(
                [
                    goal.text,
                    ", ".join(goal.principle_labels),
                    _("%(done)s of %(count)s done") % {"done": done, "count": len(actions)},
                ]
            )
        entries.append(
            Entry(
                title=_plan_title(plan, step),
                meta=f"{plan.get_status_display()} · {day(plan.updated_at)}",
                url=step.url or "",
                paragraphs=[plan.review_comment],
                grid=Grid(header=[_("Goal"), _("Principles"), _("Actions")], rows=rows)
                if rows
                else None,
            )
        )
    return Section(title=_("Action plans"), entries=entries, empty=_("No action plan yet."))
