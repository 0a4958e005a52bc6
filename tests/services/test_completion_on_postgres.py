"""Completion and the course_completed signal on PostgreSQL, with a real worker sending mail."""

import pytest

from courses.models import Enrollment, StepProgress
from courses.services import enrollment_create, step_complete
from tests.factories import lessons_of, make_course
from tests.services.threads import run_in_threads

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_learner_completes_a_course_step_by_step(learner, completions):
    course = make_course(modules=2, lessons_per_module=2)
    enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    results = [step_complete(learner=learner, course=course, step=lesson) for lesson in lessons]

    assert results == [False, False, False, True]
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert completions == [enrollment.pk]


def test_ten_simultaneous_clicks_on_the_last_step_complete_the_course_once(learner, completions):
    course = make_course(modules=1, lessons_per_module=2)
    enrollment_create(learner=learner, course=course)
    first, last = lessons_of(course)
    step_complete(learner=learner, course=course, step=first)

    _results, errors = run_in_threads(
        10, lambda: step_complete(learner=learner, course=course, step=last)
    )

    assert errors == []
    assert StepProgress.objects.filter(learner=learner, step=last).count() == 1
    assert len(completions) == 1


def test_two_tabs_enrolling_at_once_make_one_enrollment(learner):
    course = make_course(modules=1, lessons_per_module=1)
    _results, errors = run_in_threads(5, lambda: enrollment_create(learner=learner, course=course))
    assert errors == []
    assert Enrollment.objects.filter(learner=learner, course=course).count() == 1


def test_the_worker_emails_the_enrollment_confirmation(
    learner, celery_worker, mail_dir, wait_until
):
    course = make_course(modules=1, lessons_per_module=1, title="Leadership Values")
    enrollment_create(learner=learner, course=course)

    def confirmation_sent():
        # The folder is shared by the session and a file can hold several messages (the
        # file backend separates them with a line of dashes): look at each message.
        return [
            message
            for path in mail_dir.glob("*.log")
            for message in path.read_text(encoding="utf-8").split("-" * 79)
            if learner.email in message and "You are enrolled in Leadership Values" in message
        ]

    messages = wait_until(confirmation_sent, timeout=30, what="the enrollment email")
    assert "You are enrolled in Leadership Values" in messages[0]
    assert "Amra Hodžić" in messages[0]
