"""The quizzes app's part of "Download my data": every attempt with its answers."""

from django.utils.translation import gettext as _

from academy.accounts.personal_data import DataSection

from .models import AttemptAnswer


def attempts(*, user) -> DataSection:
    return DataSection(
        name="quiz_attempts",
        title=_("Quiz attempts and your answers"),
        records=[
            {
                "quiz": answer["attempt__quiz__title"],
                "attempt": answer["attempt__number"],
                "status": answer["attempt__status"],
                "started_at": answer["attempt__started_at"],
                "submitted_at": answer["attempt__submitted_at"],
                "attempt_score": answer["attempt__score"],
                "question": (answer["snapshot"] or {}).get("prompt", ""),
                "your_answer": answer["response"],
                "score": answer["score"],
                "grader_comment": answer["grader_comment"],
            }
            for answer in AttemptAnswer.objects.filter(attempt__learner=user)
            .order_by("attempt__started_at", "position")
            .values(
                "attempt__quiz__title",
                "attempt__number",
                "attempt__status",
                "attempt__started_at",
                "attempt__submitted_at",
                "attempt__score",
                "snapshot",
                "response",
                "score",
                "grader_comment",
            )
        ],
    )


def erase(*, user) -> None:
    """Open answers they wrote, and trainers' comments on them, go; choices and scores stay
    in the quiz's statistics."""
    AttemptAnswer.objects.filter(attempt__learner=user).exclude(
        snapshot__kind__in=["single", "multiple"]
    ).update(response=None)
    AttemptAnswer.objects.filter(attempt__learner=user).update(grader_comment="")
