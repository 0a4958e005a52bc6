"""The zero-setup SQLite database under load: 20 learners submitting their quiz at the same
moment all get graded, with no "database is locked" error (IMMEDIATE transactions, a busy
timeout and WAL in academy/settings/base.py)."""

import sqlite3
from decimal import Decimal

import pytest
from django.db import connection

from courses.models import Enrollment
from quizzes.models import QuizAttempt
from quizzes.services import attempt_start, attempt_submit
from tests.factories import UserFactory, single_choice
from tests.quizzes.conftest import correct_responses, quiz_in_new_course, true_false
from tests.services.threads import run_in_threads

pytestmark = [
    # serialized_rollback: transactional tests run last, after others have emptied the tables
    # that migrations fill (the catalogue page this course is made under).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking"),
]

LEARNERS = 20


@pytest.fixture
def move_to_a_file(tmp_path):
    """Call it to copy the test database, as it is then, to a real file and point every new
    connection at it until the test ends: locking between connections ("database is locked")
    only happens on a file, and the in-memory test database would hide it."""
    settings_dict = connection.settings_dict  # the dict new connections in threads are made from
    in_memory = settings_dict["NAME"]

    def move():
        path = tmp_path / "concurrency.sqlite3"
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
            # As `migrate` leaves db.sqlite3 before any server starts. Left to the first
            # connections, twenty of them switching a fresh file to WAL at once can collide
            # ("database is locked" from the switch itself, not from the submits).
            target.execute("PRAGMA journal_mode=WAL")
        settings_dict["NAME"] = str(path)

    yield move
    settings_dict["NAME"] = in_memory


def in_a_new_connection(action):
    results, errors = run_in_threads(1, action)
    assert errors == []
    return results[0]


def test_twenty_learners_submit_at_once_without_database_is_locked(move_to_a_file):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()])
    course = quiz.get_parent().get_parent().specific
    learners = [UserFactory() for _ in range(LEARNERS)]
    Enrollment.objects.bulk_create(Enrollment(learner=who, course=course) for who in learners)
    attempts = [attempt_start(learner=learner, quiz=quiz) for learner in learners]
    answers = {attempt.pk: correct_responses(attempt) for attempt in attempts}
    pending = iter(attempts)
    move_to_a_file()

    def submit():
        attempt = QuizAttempt.objects.get(pk=next(pending).pk)
        return attempt_submit(attempt=attempt, raw_answers=answers[attempt.pk]).status

    _results, errors = run_in_threads(LEARNERS, submit)

    assert errors == []
    assert (
        in_a_new_connection(
            lambda: list(QuizAttempt.objects.values_list("status", "passed", "score"))
        )
        == [(QuizAttempt.Status.GRADED, True, Decimal(2))] * LEARNERS
    )
