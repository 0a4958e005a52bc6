from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import CoursePage, Enrollment, StepProgress
from courses.outline import course_outline_for
from courses.services import EnrollmentNotAllowed, enrollment_create, step_complete
from tests.factories import add_lesson, lessons_of, make_course

pytestmark = pytest.mark.django_db


def test_enrolling_creates_one_enrollment_and_emails_the_learner(
    learner, course, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment, created = enrollment_create(learner=learner, course=course)

    assert created
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert [m.to for m in mailoutbox] == [[learner.email]]
    assert course.title in mailoutbox[0].subject


def test_enrolling_twice_returns_the_existing_enrollment(learner, course):
    first, _ = enrollment_create(learner=learner, course=course)
    second, created = enrollment_create(learner=learner, course=course)
    assert not created
    assert second == first
    assert Enrollment.objects.count() == 1


def test_invitation_only_courses_cannot_be_self_enrolled(learner):
    course = make_course(enrollment_policy=CoursePage.EnrollmentPolicy.INVITATION)
    with pytest.raises(EnrollmentNotAllowed, match="invitation only"):
        enrollment_create(learner=learner, course=course)
    assert not Enrollment.objects.exists()
    _enrollment, created = enrollment_create(learner=learner, course=course, by_staff=True)
    assert created


def test_progress_counts_completed_required_steps(learner, course):
    enrollment_create(learner=learner, course=course)
    first, second, third, _fourth = lessons_of(course)
    step_complete(learner=learner, course=course, step=first)
    step_complete(learner=learner, course=course, step=third)

    outline = course_outline_for(course=course, learner=learner)
    assert (outline.progress.completed, outline.progress.total, outline.progress.percent) == (
        2,
        4,
        50,
    )
    assert [m.progress.percent for m in outline.modules] == [50, 50]
    assert outline.resume_step.page.pk == second.pk  # the first unfinished step


def test_an_outline_shows_the_learners_own_progress_in_that_course_only(
    learner, other_learner, course
):
    """What a step page reads in one query: the enrollment with its progress (opened, completed),
    not another course's nor another learner's."""
    other_course = make_course(title="Another course")
    for each in (course, other_course):
        enrollment_create(learner=learner, course=each)
    enrollment_create(learner=other_learner, course=course)
    first, second, third, _fourth = lessons_of(course)
    step_complete(learner=learner, course=course, step=first)
    StepProgress.objects.create(learner=learner, step=second)  # opened, not completed
    step_complete(learner=learner, course=other_course, step=lessons_of(other_course)[0])
    step_complete(learner=other_learner, course=course, step=third)

    outline = course_outline_for(course=course, learner=learner)

    assert outline.enrollment.course_id == course.pk
    assert outline.enrollment.enrolled_at.tzinfo is not None
    assert [(step.started, step.completed) for step in outline.steps] == [
        (True, True),
        (True, False),
        (False, False),
        (False, False),
    ]
    assert course_outline_for(course=course, learner=other_learner).progress.completed == 1


def test_optional_steps_do_not_count_towards_completion(learner):
    course = make_course(modules=1, lessons_per_module=1)
    module = course.get_children().first()
    add_lesson(module, title="Further reading", is_required=False)
    enrollment_create(learner=learner, course=course)
    required = lessons_of(course)[0]

    assert step_complete(learner=learner, course=course, step=required) is True
    assert course_outline_for(course=course, learner=learner).progress.percent == 100


def test_completing_the_last_step_completes_the_course_and_signals_once(
    learner, course, completions, django_capture_on_commit_callbacks
):
    enrollment_create(learner=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        results = [
            step_complete(learner=learner, course=course, step=step) for step in lessons_of(course)
        ]
        # A double click on the last step, and a replay of the first.
        step_complete(learner=learner, course=course, step=lessons_of(course)[-1])
        step_complete(learner=learner, course=course, step=lessons_of(course)[0])

    enrollment = Enrollment.objects.get()
    assert results == [False, False, False, True]
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None
    assert completions == [enrollment.pk]
    assert StepProgress.objects.filter(learner=learner).count() == 4


def test_the_resume_step_is_the_last_visited_unfinished_step(learner_client, learner, course):
    enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    learner_client.get(lessons[2].url)

    outline = course_outline_for(course=course, learner=learner)
    assert outline.resume_step.page.pk == lessons[2].pk
    assert outline.progress.completed == 0


def visit(client, step):
    assert client.get(step.url).status_code == 200
    return Enrollment.objects.get()


def test_opening_a_step_remembers_it_for_continue(learner_client, learner, course):
    enrollment_create(learner=learner, course=course)
    first, second = lessons_of(course)[:2]

    assert visit(learner_client, first).last_step_id == first.pk
    assert visit(learner_client, second).last_step_id == second.pk


def test_reading_the_same_step_again_within_minutes_writes_nothing(learner_client, learner, course):
    enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    seen_at = visit(learner_client, lesson).last_activity_at

    with CaptureQueriesContext(connection) as queries:
        again = visit(learner_client, lesson)

    assert again.last_activity_at == seen_at
    assert not [q for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]


def test_reading_the_same_step_after_a_pause_records_the_activity(learner_client, learner, course):
    enrollment, _ = enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    visit(learner_client, lesson)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=an_hour_ago)

    assert visit(learner_client, lesson).last_activity_at > an_hour_ago
