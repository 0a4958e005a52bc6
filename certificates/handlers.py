"""Receivers for news from lower apps. Each queues a task; the task calls a service."""

from academy.core.outbox import task_enqueue


def on_course_completed(sender, enrollment, **kwargs):
    from .tasks import issue_on_completion

    task_enqueue(issue_on_completion, enrollment.learner_id, enrollment.course_id)


def on_attempt_graded(sender, attempt, **kwargs):
    from .tasks import award_after_quiz

    task_enqueue(award_after_quiz, attempt.learner_id, attempt.quiz_id)
