"""Racing the quiz over HTTP, as an attacker with a script would: ten submits of one attempt at
the same moment, and parallel "Start" presses. Real concurrency needs PostgreSQL, so these run in
the services suite (`make services-test`, from .ci/run). The same races at the service level are
in tests/services/test_quiz_concurrency.py."""

import pytest
from django.db import connection
from django.test import Client

from courses.models import ModulePage
from courses.services import enrollment_create
from quizzes.models import AttemptAnswer, QuizAttempt
from quizzes.services import attempt_start
from tests.factories import add_quiz, make_course, single_choice
from tests.services.threads import run_in_threads

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.fail("Run the races on PostgreSQL (DATABASE_URL), as .ci/run does.")


@pytest.fixture
def quiz(learner):
    course = make_course(modules=1, lessons_per_module=0)
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[single_choice()])
    enrollment_create(learner=learner, course=course)
    return quiz


def browser(learner):
    client = Client()
    client.force_login(learner)
    return client


def test_ten_parallel_submits_over_http_grade_once(learner, quiz):
    attempt = attempt_start(learner=learner, quiz=quiz)
    snapshot = attempt.answers.get().snapshot
    right = next(c["id"] for c in snapshot["choices"] if c["correct"])
    url = quiz.url + f"attempts/{attempt.pk}/"
    browsers = [browser(learner) for _ in range(10)]

    statuses, errors = run_in_threads(
        10, lambda: browsers.pop().post(url, {"q1": right, "submit": ""}).status_code
    )

    assert errors == []
    assert statuses == [302] * 10  # every tab is sent to the one result
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert (graded.status, graded.score, graded.passed) == ("graded", 1, True)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1


def test_parallel_starts_over_http_make_one_attempt(learner, quiz):
    browsers = [browser(learner) for _ in range(8)]

    locations, errors = run_in_threads(
        8, lambda: browsers.pop().post(quiz.url + "attempts/start/").url
    )

    assert errors == []
    attempt = QuizAttempt.objects.get(learner=learner, quiz=quiz)
    assert set(locations) == {quiz.url + f"attempts/{attempt.pk}/"}
