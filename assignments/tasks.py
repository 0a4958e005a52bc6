from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email
from academy.core.task_options import SENDS_EMAIL
from courses.translations import version_for

from .models import ActionPlan, Submission
from .plans import plan_members


@shared_task(**SENDS_EMAIL)
def send_submission_reviewed(submission_id):
    """Tell the learner their work was graded or returned for revision, in their language,
    with the assignment's title and link in that language (or its fallback)."""
    submission = (
        Submission.objects.select_related("learner", "assignment").filter(pk=submission_id).first()
    )
    if submission is None:
        return
    learner = submission.learner
    assignment = version_for(submission.assignment, learner.preferred_language)
    returned = submission.status == Submission.Status.RETURNED
    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=lambda: (
            (
                _("Your work on %(assignment)s was returned for revision")
                if returned
                else _("Your work on %(assignment)s has been graded")
            )
            % {"assignment": assignment.title}
        ),
        template="assignments/email/submission_reviewed.txt",
        context=lambda: {
            "submission": submission,
            "learner": learner,
            "assignment": assignment,
            "returned": returned,
            "url": settings.WAGTAILADMIN_BASE_URL + assignment.url,
        },
    )


@shared_task(**SENDS_EMAIL)
def send_plan_reviewed(plan_id):
    """Tell each of the plan's members, in their own language, that a trainer approved it or
    returned it with a comment."""
    plan = ActionPlan.objects.select_related("step", "organisation").filter(pk=plan_id).first()
    if plan is None or plan.status not in (ActionPlan.Status.APPROVED, ActionPlan.Status.RETURNED):
        return
    approved = plan.status == ActionPlan.Status.APPROVED
    for member in plan_members(plan):
        step = version_for(plan.step, member.preferred_language)
        send_templated_email(
            to=member.email,
            language=member.preferred_language,
            subject=lambda step=step: (
                (
                    _("Your action plan %(plan)s is approved")
                    if approved
                    else _("Your action plan %(plan)s was returned with comments")
                )
                % {"plan": step.title}
            ),
            template="assignments/email/plan_reviewed.txt",
            context=lambda member=member, step=step: {
                "plan": plan,
                "member": member,
                "step": step,
                "approved": approved,
                "url": settings.WAGTAILADMIN_BASE_URL + step.url,
            },
        )
