"""Assignment and action plan data for courses' mastery map and cohort matrix (registered in
ready())."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from academy.core.formatting import percent
from courses.course_tree import live_steps_of

from .models import ActionPlan, ActionPlanPage, AssignmentPage, PlanAction, Submission
from .rubrics import principle_points

User = get_user_model()


def rubric_principle_scores(learner_ids, courses, as_of=None) -> dict:
    """{learner_id: {principle_number: (points, max)}} from each learner's best graded version
    of each assignment in `courses` (graded by `as_of` when given), over the rubric criteria
    tagged with a principle, as frozen in that version. One query."""
    if not courses or not learner_ids or not live_steps_of(courses, AssignmentPage):
        return {}  # the cached trees say there is nothing to ask the database
    under = reduce(or_, (Q(assignment__path__startswith=c.path) for c in courses))
    graded = Submission.objects.filter(
        under, learner_id__in=learner_ids, status=Submission.Status.GRADED
    )
    if as_of is not None:
        graded = graded.filter(graded_at__lte=as_of)
    best = {}
    for version in graded.only(
        "learner_id", "assignment_id", "rubric", "levels", "percent"
    ).order_by("percent", "pk"):
        best[(version.learner_id, version.assignment_id)] = version  # highest percent wins
    scores = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for (learner_id, _assignment), version in best.items():
        for number, (got, out_of) in principle_points(version.rubric, version.levels).items():
            scores[learner_id][number][0] += got
            scores[learner_id][number][1] += out_of
    return {learner: {n: tuple(p) for n, p in by.items()} for learner, by in scores.items()}


def assignment_columns(course, learner_ids):
    """Columns for the cohort matrix: each assignment's best grade per learner, or its state
    ("submitted", "returned") when not graded yet. Two queries."""
    assignments = list(AssignmentPage.objects.live().descendant_of(course).order_by("path"))
    columns = [(f"assignment_{a.pk}", a.title) for a in assignments]
    values = defaultdict(dict)
    latest = {}
    for version in (
        Submission.objects.filter(learner_id__in=learner_ids, assignment__in=assignments)
        .exclude(status=Submission.Status.DRAFT)
        .order_by("version")
    ):
        key = (version.learner_id, version.assignment_id)
        if version.percent is not None or key not in latest or latest[key].percent is None:
            latest[key] = version
    for (learner_id, assignment_id), version in latest.items():
        values[learner_id][f"assignment_{assignment_id}"] = (
            percent(version.percent)
            if version.percent is not None
            else version.get_status_display()
        )
    return columns, values


def plan_columns(course, learner_ids):
    """Columns for the cohort matrix: each action plan step's plan status per learner (their
    organisation's plan, or their own), and how many of its actions are done. Three queries."""
    steps = list(ActionPlanPage.objects.live().descendant_of(course).order_by("path"))
    columns = [(f"plan_{step.pk}", step.title) for step in steps]
    learners = dict(User.objects.filter(pk__in=learner_ids).values_list("pk", "organisation_id"))
    plans = {}
    for plan in ActionPlan.objects.filter(step__in=steps).annotate(
        actions=Count("goals__actions"),
        done=Count("goals__actions", filter=Q(goals__actions__status=PlanAction.Status.DONE)),
    ):
        key = ("org", plan.organisation_id) if plan.organisation_id else ("own", plan.started_by_id)
        plans[(plan.step_id, key)] = plan
    values = defaultdict(dict)
    for learner_id, organisation_id in learners.items():
        key = ("org", organisation_id) if organisation_id else ("own", learner_id)
        for step in steps:
            if plan := plans.get((step.pk, key)):
                values[learner_id][f"plan_{step.pk}"] = _(
                    "%(status)s, %(done)s of %(actions)s done"
                ) % {
                    "status": plan.get_status_display(),
                    "done": plan.done,
                    "actions": plan.actions,
                }
    return columns, values
