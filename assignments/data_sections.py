"""The assignments app's part of "Download my data": submissions with their files and
feedback, the peer reviews written, and the action plans."""

from django.utils.translation import gettext as _

from academy.accounts.personal_data import DataSection

from .documents import plans_of
from .models import ActionPlan, PeerReview, Submission, SubmissionFile


def submissions(*, user) -> DataSection:
    records = list(
        Submission.objects.filter(learner=user)
        .order_by("assignment_id", "version")
        .values(
            "id",
            "assignment__title",
            "version",
            "status",
            "text",
            "submitted_at",
            "is_late",
            "score",
            "max_score",
            "passed",
            "levels",
            "criterion_feedback",
            "feedback",
            "graded_at",
        )
    )
    files = [
        (f"{stored.submission_id}/{stored.pk}-{stored.original_name}", stored.file)
        for stored in SubmissionFile.objects.filter(submission__learner=user)
    ]
    return DataSection(
        name="assignments", title=_("Assignments you handed in"), records=records, files=files
    )


def peer_reviews(*, user) -> DataSection:
    return DataSection(
        name="peer_reviews",
        title=_("Peer reviews you wrote"),
        records=list(
            PeerReview.objects.filter(reviewer=user).values(
                "submission__assignment__title",
                "assigned_at",
                "submitted_at",
                "levels",
                "criterion_feedback",
                "feedback",
                "score",
                "max_score",
            )
        ),
    )


def action_plans(*, user) -> DataSection:
    return DataSection(
        name="action_plans",
        title=_("Action plans"),
        records=[
            {
                "plan": plan.step.title,
                "organisation": str(plan.organisation or ""),
                "status": plan.status,
                "review_comment": plan.review_comment,
                "goals": [
                    {
                        "goal": goal.text,
                        "principles": goal.principles,
                        "indicators": goal.indicators,
                        "actions": [
                            {
                                "action": action.text,
                                "who": action.owner,
                                "by": action.due_on,
                                "status": action.status,
                            }
                            for action in goal.actions.all()
                        ],
                    }
                    for goal in plan.goals.all()
                ],
            }
            for plan in plans_of(user)
        ],
    )


def erase(*, user) -> None:
    """Their work's text and files, what trainers and colleagues wrote about it, the reviews
    they wrote, and a plan they wrote alone go; grades stay in the counts. An organisation's
    plan stays with the organisation."""
    for stored in SubmissionFile.objects.filter(submission__learner=user):
        if (
            not SubmissionFile.objects.filter(file=stored.file.name)
            .exclude(submission__learner=user)
            .exists()
        ):
            stored.file.delete(save=False)
    SubmissionFile.objects.filter(submission__learner=user).delete()
    Submission.objects.filter(learner=user).update(text="", feedback="", criterion_feedback={})
    PeerReview.objects.filter(reviewer=user).update(feedback="", criterion_feedback={})
    PeerReview.objects.filter(submission__learner=user).update(feedback="", criterion_feedback={})
    ActionPlan.objects.filter(started_by=user, organisation=None).delete()
