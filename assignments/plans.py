"""Action plans: written together by the members of one organisation (or by a learner alone),
reviewed by a trainer, and kept up to date after the course. Every change is recorded with
who and when; every refusal is a PlanRefused the person reads, and nothing is written."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from academy.core.outbox import task_enqueue
from courses.models import Enrollment
from courses.outline import course_of_step
from courses.permissions import trains_course
from courses.services import step_complete
from courses.translations import canonical_of

from .models import ActionPlan, ActionPlanPage, PlanAction, PlanChange, PlanGoal

PRINCIPLE_NUMBERS = range(1, 13)


class PlanRefused(Exception):
    """Why the plan cannot be changed so, for the person who tried."""


def plan_for(*, step: ActionPlanPage, learner) -> ActionPlan | None:
    """The plan `learner` writes in for `step` (in any language): their organisation's, or
    their own when they have no organisation."""
    step = canonical_of(step)
    if learner.organisation_id:
        return ActionPlan.objects.filter(step=step, organisation_id=learner.organisation_id).first()
    return ActionPlan.objects.filter(step=step, organisation=None, started_by=learner).first()


def plan_start(*, step: ActionPlanPage, learner) -> ActionPlan:
    """The learner's plan for `step`, started if there is none yet (concurrent starts by two
    colleagues make one plan: the constraint decides)."""
    step = canonical_of(step)
    if learner.organisation_id:
        plan, _created = ActionPlan.objects.get_or_create(
            step=step, organisation_id=learner.organisation_id, defaults={"started_by": learner}
        )
    else:
        plan, _created = ActionPlan.objects.get_or_create(
            step=step, organisation=None, started_by=learner
        )
    return plan


def plan_members(plan: ActionPlan) -> list:
    """Who writes in the plan: the organisation's learners enrolled in the course, or the
    learner who started it."""
    if plan.organisation_id is None:
        return [plan.started_by]
    course = course_of_step(plan.step)
    return [
        enrollment.learner
        for enrollment in Enrollment.objects.filter(
            course=course, learner__organisation_id=plan.organisation_id
        ).select_related("learner")
    ]


def may_edit(plan: ActionPlan, user) -> bool:
    if user.pk == plan.started_by_id:
        return True
    if plan.organisation_id is None or user.organisation_id != plan.organisation_id:
        return False
    return Enrollment.objects.filter(learner=user, course=course_of_step(plan.step)).exists()


def _checked(plan, user):
    if not may_edit(plan, user):
        raise PlanRefused(_("Only the members of the plan's organisation can change it."))


def _changed(plan, user, kind, subject="", status=""):
    now = timezone.now()
    PlanChange.objects.create(
        plan=plan, author=user, at=now, kind=kind, subject=subject[:300], status=status
    )
    ActionPlan.objects.filter(pk=plan.pk).update(updated_at=now)


def _principles(numbers) -> list[int]:
    try:
        chosen = sorted({int(n) for n in numbers})
    except (TypeError, ValueError):
        raise PlanRefused(_("Choose principles from the list.")) from None
    if not set(chosen) <= set(PRINCIPLE_NUMBERS):
        raise PlanRefused(_("Choose principles from the list."))
    return chosen


def plan_goal_add(*, plan: ActionPlan, user, text: str, principles=(), indicators: str = ""):
    """Add a goal, tied to principles, with its indicators."""
    _checked(plan, user)
    text = text.strip()
    if not text:
        raise PlanRefused(_("Write the goal."))
    numbers = _principles(principles)
    with transaction.atomic():
        goal = PlanGoal.objects.create(
            plan=plan, text=text[:300], principles=numbers, indicators=indicators.strip()
        )
        _changed(plan, user, PlanChange.Kind.GOAL, goal.text)
    return goal


def plan_action_add(*, plan: ActionPlan, user, goal_id, text: str, owner: str, due_on=None):
    """Add an action under one of the plan's goals: what, who, by when."""
    _checked(plan, user)
    goal = plan.goals.filter(pk=goal_id).first() if str(goal_id).isdigit() else None
    if goal is None:
        raise PlanRefused(_("Choose one of this plan's goals."))
    if not text.strip() or not owner.strip():
        raise PlanRefused(_("Say what is to be done and who does it."))
    with transaction.atomic():
        action = PlanAction.objects.create(
            goal=goal, text=text.strip()[:300], owner=owner.strip()[:150], due_on=due_on
        )
        _changed(plan, user, PlanChange.Kind.ACTION, action.text)
    return action


def plan_action_status(*, plan: ActionPlan, user, action_id, status: str):
    """Move an action on (planned, under way, done, dropped); recorded with its date. Allowed
    whatever the plan's review status, during the course and after it."""
    _checked(plan, user)
    action = (
        PlanAction.objects.filter(pk=action_id, goal__plan=plan).first()
        if str(action_id).isdigit()
        else None
    )
    if action is None:
        raise PlanRefused(_("Choose one of this plan's actions."))
    if status not in PlanAction.Status.values:
        raise PlanRefused(_("Choose a status from the list."))
    if status == action.status:
        return action
    with transaction.atomic():
        action.status = status
        action.save(update_fields=["status"])
        _changed(plan, user, PlanChange.Kind.STATUS, action.text, status)
    return action


def plan_submit(*, plan: ActionPlan, user) -> ActionPlan:
    """Ask the trainers to review the plan. It needs a goal with an action. A second submit
    changes nothing; an approved plan needs no review again (its updates go on)."""
    _checked(plan, user)
    with transaction.atomic():
        locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if locked.status in (ActionPlan.Status.SUBMITTED, ActionPlan.Status.APPROVED):
            return locked
        if not PlanAction.objects.filter(goal__plan=locked).exists():
            raise PlanRefused(_("Add at least one goal with an action before you submit the plan."))
        locked.status = ActionPlan.Status.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["status", "submitted_at"])
        _changed(locked, user, PlanChange.Kind.SUBMITTED)
    return locked


def plan_review(*, plan: ActionPlan, reviewer, approve: bool, comment: str) -> ActionPlan:
    """A trainer of the course approves the plan (its members complete the step) or returns it
    with a comment saying what to change."""
    if not approve and not comment.strip():
        raise PlanRefused(_("Say what the plan's authors should change."))
    with transaction.atomic():
        locked = ActionPlan.objects.select_for_update().select_related("step").get(pk=plan.pk)
        course = course_of_step(locked.step)
        if not trains_course(reviewer, course):
            raise PermissionDenied
        if locked.status != ActionPlan.Status.SUBMITTED:
            raise PlanRefused(_("This plan is not waiting for review."))
        locked.status = ActionPlan.Status.APPROVED if approve else ActionPlan.Status.RETURNED
        locked.review_comment = comment.strip()
        locked.reviewed_by, locked.reviewed_at = reviewer, timezone.now()
        locked.save(update_fields=["status", "review_comment", "reviewed_by", "reviewed_at"])
        kind = PlanChange.Kind.APPROVED if approve else PlanChange.Kind.RETURNED
        _changed(locked, reviewer, kind, comment)
        log(
            instance=locked,
            action="assignments.plan_review",
            user=reviewer,
            data={"approved": approve},
        )
        if approve:
            for member in plan_members(locked):
                step_complete(learner=member, course=course, step=locked.step)
        _tell_members(locked)
    return locked


def _tell_members(plan):
    from .tasks import send_plan_reviewed  # the tasks call these services

    task_enqueue(send_plan_reviewed, plan.pk)
