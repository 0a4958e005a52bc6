"""Quiz attempts under concurrent requests on PostgreSQL: a double submit grades once, and two
tabs pressing "Start" share one attempt (row locks and the one-in-progress constraint)."""

import pytest

from courses.models import Enrollment, ModulePage, StepProgress
from courses.services import enrollment_create
from quizzes.models import AttemptAnswer, QuizAttempt
from quizzes.services import QuizRefused, attempt_start, attempt_submit
from tests.factories import add_quiz, make_course, single_choice
from tests.services.threads import run_in_threads

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def course_with_only_a_quiz(learner, **quiz_fields):
    """A course whose one required step is a one-question quiz, the learner enrolled."""
    course = make_course(modules=1, lessons_per_module=0)
    module = ModulePage.objects.child_of(course).get()
    quiz = add_quiz(module, questions=[single_choice()], **quiz_fields)
    enrollment_create(learner=learner, course=course)
    return course, quiz


def correct_answer(attempt):
    snapshot = attempt.answers.get().snapshot
    return {1: next(c["id"] for c in snapshot["choices"] if c["correct"])}


def test_ten_simultaneous_submits_grade_the_attempt_once(learner, completions):
    course, quiz = course_with_only_a_quiz(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer = correct_answer(attempt)

    results, errors = run_in_threads(
        10,
        lambda: (
            attempt_submit(
                attempt=QuizAttempt.objects.get(pk=attempt.pk), raw_answers=answer
            ).submitted_at
        ),
    )

    assert errors == []
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert (graded.status, graded.score, graded.passed) == ("graded", 1, True)
    assert set(results) == {graded.submitted_at}  # every request saw the one result
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1
    progress = StepProgress.objects.filter(learner=learner, step_id=quiz.pk)
    assert progress.count() == 1
    assert progress.get().completed_at is not None
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert completions == [enrollment.pk]


def test_five_simultaneous_starts_make_one_attempt_in_progress(learner):
    _course, quiz = course_with_only_a_quiz(learner)

    results, errors = run_in_threads(5, lambda: attempt_start(learner=learner, quiz=quiz).pk)

    assert errors == []
    attempts = QuizAttempt.objects.filter(learner=learner, quiz=quiz)
    assert attempts.count() == 1
    assert set(results) == {attempts.get().pk}
    assert attempts.get().is_in_progress
    assert AttemptAnswer.objects.filter(attempt__quiz=quiz).count() == 1


def test_simultaneous_starts_after_the_last_attempt_are_all_refused(learner):
    _course, quiz = course_with_only_a_quiz(learner, max_attempts=1)
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz))

    _results, errors = run_in_threads(5, lambda: attempt_start(learner=learner, quiz=quiz))

    assert len(errors) == 5
    assert all(isinstance(error, QuizRefused) for error in errors)
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1
