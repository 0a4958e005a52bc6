"""Starting, saving and submitting an attempt run a fixed number of queries, however many
questions the quiz has (bulk writes, no query per question)."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from academy.governance.models import Principle
from quizzes.models import QuizAttempt
from tests.quizzes.conftest import (
    attempt_url,
    correct_responses,
    matching,
    multiple_choice,
    numeric,
    post_fields,
    quiz_in_new_course,
    short_answer,
    single_choice,
    start_url,
    true_false,
)

pytestmark = pytest.mark.django_db

# Measured counts, kept tight so that a regression fails here. Most are fixed costs: session,
# user, the quiz page and its view restrictions (its route and the course outline's pages come
# from the cache), the enrollment gate, locks and bulk writes.
# Submitting changed answers saves them, grades, and (a pass) completes the course step.
# A few are the lookups of the original quiz and course (attempts and progress are kept on the
# originals whatever the language: courses/translations.py), a constant, and one the questions'
# positions, to name blank ones before a submission.
BUDGET = {"start": 17, "save": 15, "submit": 30}

BUILDERS = [single_choice, multiple_choice, true_false, short_answer, numeric, matching]


def quiz_of(count, learner):
    """A quiz of `count` auto-graded questions of every kind, each tagged with two principles."""
    principles = list(Principle.objects.filter(locale__language_code="en", number__in=[1, 6]))
    questions = [
        {**build(), "principles": principles}
        for build in itertools.islice(itertools.cycle(BUILDERS), count)
    ]
    return quiz_in_new_course(questions=questions, learner=learner)


def count_queries(client, method, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == 302, (url, response.status_code)
    return len(queries), response


def take_quiz(client, quiz):
    """Start, save every answer, then submit with the first one changed (still a pass); the
    queries each step ran."""
    client.get(quiz.url)  # warm per-process caches (content types, site root paths)
    counts = {}
    counts["start"], _response = count_queries(client, "post", start_url(quiz))
    attempt = QuizAttempt.objects.get(quiz=quiz)
    answers = post_fields(attempt, correct_responses(attempt))
    counts["save"], _response = count_queries(
        client, "post", attempt_url(quiz, attempt), {**answers, "save": ""}
    )
    changed = {**answers, "submit": "anyway"}  # q1 left blank, and confirmed
    del changed["q1"]
    counts["submit"], _response = count_queries(client, "post", attempt_url(quiz, attempt), changed)
    attempt.refresh_from_db()
    assert attempt.passed is True
    assert attempt.answers.get(position=1).response is None
    assert attempt.answers.count() == attempt.quiz.questions.count()
    return counts


def test_start_save_and_submit_cost_the_same_for_5_and_50_questions(learner_client, learner):
    small = take_quiz(learner_client, quiz_of(5, learner))
    large = take_quiz(learner_client, quiz_of(50, learner))

    assert large == small


@pytest.mark.parametrize("step", ["start", "save", "submit"])
def test_each_step_of_a_50_question_attempt_is_within_budget(
    learner_client, learner, django_assert_max_num_queries, step
):
    quiz = quiz_of(50, learner)
    learner_client.get(quiz.url)
    if step == "start":
        with django_assert_max_num_queries(BUDGET["start"]):
            learner_client.post(start_url(quiz))
        return
    learner_client.post(start_url(quiz))
    attempt = QuizAttempt.objects.get(quiz=quiz)
    answers = post_fields(attempt, correct_responses(attempt))

    with django_assert_max_num_queries(BUDGET[step]):
        response = learner_client.post(attempt_url(quiz, attempt), {**answers, step: ""})

    assert response.status_code == 302
