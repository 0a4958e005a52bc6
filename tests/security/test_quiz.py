"""Quiz and course attacks that the quiz and course suites do not already cover: skipping the
quiz a course requires. (The others are listed in tests/security/test_catalogue.py.)"""

import pytest

from certificates.models import Certificate, CertificateTemplate
from courses.models import Enrollment, ModulePage, StepProgress
from courses.services import enrollment_create
from quizzes.models import QuizAttempt
from quizzes.services import attempt_start, attempt_submit
from tests.certificates.conftest import certified_course
from tests.factories import add_quiz, lessons_of, single_choice

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_a_required_quiz(learner):
    """A certified course of two lessons and a required quiz; the learner enrolled."""
    template = CertificateTemplate.objects.get(title="Certificate of Completion")
    course = certified_course(template)
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[single_choice()])
    enrollment_create(learner=learner, course=course)
    return course, quiz


def test_a_quiz_cannot_be_marked_complete_like_a_lesson(
    learner_client, learner, course_with_a_required_quiz
):
    _course, quiz = course_with_a_required_quiz

    response = learner_client.post(f"/en/steps/{quiz.pk}/complete/")

    assert response.status_code == 404
    assert not StepProgress.objects.filter(
        learner=learner, step_id=quiz.pk, completed_at__isnull=False
    ).exists()


def test_skipping_the_required_quiz_leaves_the_course_incomplete_and_uncertified(
    learner_client, learner, course_with_a_required_quiz, django_capture_on_commit_callbacks
):
    course, quiz = course_with_a_required_quiz
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course):
            learner_client.post(f"/en/steps/{lesson.pk}/complete/")
        learner_client.post(f"/en/steps/{quiz.pk}/complete/")
        # A failed attempt does not count either.
        attempt = attempt_start(learner=learner, quiz=quiz)
        wrong = next(c["id"] for c in attempt.answers.get().snapshot["choices"] if not c["correct"])
        attempt_submit(attempt=attempt, raw_answers={1: wrong})

    assert QuizAttempt.objects.get(pk=attempt.pk).passed is False
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status != Enrollment.Status.COMPLETED
    assert not Certificate.objects.filter(learner=learner).exists()

    # Passing it is what completes the course: the rule above is not simply broken.
    with django_capture_on_commit_callbacks(execute=True):
        attempt = attempt_start(learner=learner, quiz=quiz)
        right = next(c["id"] for c in attempt.answers.get().snapshot["choices"] if c["correct"])
        attempt_submit(attempt=attempt, raw_answers={1: right})
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
