"""Receivers for news from lower apps. Each queues a task; the task calls a service."""

from academy.core.outbox import task_enqueue


def on_course_completed(sender, enrollment, **kwargs):
    from .tasks import issue_on_completion

    task_enqueue(issue_on_completion, enrollment.learner_id, enrollment.course_id)


def on_course_result_changed(sender, learner, course, **kwargs):
    from .tasks import award_after_result

    if course is not None:
        task_enqueue(award_after_result, learner.pk, course.pk)
