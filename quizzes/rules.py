"""Pure rules about attempts: when a new one may start, when answers may be reviewed."""

from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def start_refusal(*, quiz, finished_attempts: list, now: datetime) -> str | None:
    """Why the learner may not start another attempt now, or None if they may."""
    if quiz.max_attempts and len(finished_attempts) >= quiz.max_attempts:
        return ngettext(
            "You have used your %(count)d attempt at this quiz.",
            "You have used all %(count)d attempts at this quiz.",
            quiz.max_attempts,
        ) % {"count": quiz.max_attempts}
    if quiz.wait_minutes and finished_attempts:
        last = max(a.submitted_at for a in finished_attempts if a.submitted_at)
        ready_at = last + timedelta(minutes=quiz.wait_minutes)
        if now < ready_at:
            minutes = max(1, round((ready_at - now).total_seconds() / 60))
            return ngettext(
                "You can try again in %(minutes)d minute.",
                "You can try again in %(minutes)d minutes.",
                minutes,
            ) % {"minutes": minutes}
    return None


def review_allowed(*, attempt, quiz, finished_attempts: list) -> bool:
    """Whether the learner may see correct answers and feedback for `attempt`."""
    policy = attempt.review_policy
    if attempt.is_in_progress:
        return False
    if policy == "immediately":
        return True
    if policy == "after_passing":
        return any(a.passed for a in finished_attempts)
    if policy == "after_last_attempt":
        return bool(quiz.max_attempts) and len(finished_attempts) >= quiz.max_attempts
    return False


def no_questions_message():
    return _("This quiz has no questions yet. Please come back later.")
