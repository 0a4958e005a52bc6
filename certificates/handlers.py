"""Receivers for news from lower apps. Each queues a task; the task calls a service."""

from django.db import transaction


def on_course_completed(sender, enrollment, **kwargs):
    from .tasks import issue_on_completion

    transaction.on_commit(
        lambda: issue_on_completion.delay(enrollment.learner_id, enrollment.course_id)
    )


def on_attempt_graded(sender, attempt, **kwargs):
    from .tasks import award_after_quiz

    transaction.on_commit(lambda: award_after_quiz.delay(attempt.learner_id, attempt.quiz_id))
