"""Learners cannot game a quiz: no keys before submitting, forged or malformed answers refused with
nothing saved, client-sent scores ignored, one result per attempt, limits enforced."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains

from courses.models import StepProgress
from quizzes.models import QuizAttempt, QuizPage
from quizzes.services import attempt_save, attempt_start
from tests.quizzes.conftest import (
    answers_by_kind,
    attempt_url,
    correct_choice_id,
    correct_matching,
    correct_responses,
    matching,
    multiple_choice,
    numeric,
    open_question,
    post_fields,
    quiz_in_new_course,
    responses_in_db,
    short_answer,
    single_choice,
    start_by_post,
    start_url,
    true_false,
    wrong_choice_id,
)

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def secret_quiz(learner):
    """Every kind of question, with keys that appear nowhere else on the site."""
    return quiz_in_new_course(
        questions=[
            single_choice(),
            multiple_choice(),
            true_false(),
            short_answer(accepted=["Kreševo", "Крешево"], ignore_script=True),
            numeric(value="7.25", tolerance="0.05"),
            matching(),
            open_question(),
        ],
        learner=learner,
        time_limit_minutes=30,
    )


def secrets_of(attempt):
    """Everything in the attempt's snapshots that a learner must not see before submitting."""
    secrets = {"is_correct", "correct", "feedback", "explanation", "guidance", "right_id"}
    for answer in attempt.answers.all():
        snapshot = answer.snapshot
        secrets |= {snapshot["general_feedback"], snapshot["explanation"]}
        for choice in snapshot.get("choices", []):
            secrets.add(choice["feedback"])
        secrets |= {snapshot.get("feedback_true", ""), snapshot.get("feedback_false", "")}
        secrets |= set(snapshot.get("accepted", []))
        if "value" in snapshot:
            secrets |= {snapshot["value"], snapshot["value"].replace(".", ",")}
        secrets.add(snapshot.get("guidance", ""))
    return secrets - {""}


def assert_no_secrets(raw_body: bytes, attempt):
    text = raw_body.decode().lower()
    leaked = sorted(secret for secret in secrets_of(attempt) if secret.lower() in text)
    assert leaked == []


def matching_selects(raw_body: bytes, position):
    """{item id: [option values]} of the matching question's drop-downs."""
    html = raw_body.decode()
    selects = re.findall(
        rf'<select id="q{position}-([^"]+)" name="q{position}-[^"]+">(.*?)</select>', html, re.S
    )
    return {item: re.findall(r'<option value="([^"]*)"', options) for item, options in selects}


# No keys before submitting


def test_the_quiz_page_the_attempt_page_and_autosave_carry_no_keys(learner_client, learner):
    quiz = secret_quiz(learner)
    overview = learner_client.get(quiz.url)
    attempt = start_by_post(learner_client, quiz)

    page = learner_client.get(attempt_url(quiz, attempt))
    autosave = learner_client.post(
        attempt_url(quiz, attempt), {"q3": "false", "q5": "1", "save": "1"}, **JSON
    )
    rejected = learner_client.post(
        attempt_url(quiz, attempt), {"q1": "forged", "save": "1"}, **JSON
    )
    rejected_form = learner_client.post(attempt_url(quiz, attempt), {"q5": "x", "save": ""})
    saved_page = learner_client.get(attempt_url(quiz, attempt))

    assert (page.status_code, autosave.status_code, rejected.status_code) == (200, 200, 400)
    assert rejected_form.status_code == 400
    for response in (overview, page, autosave, rejected, rejected_form, saved_page):
        assert_no_secrets(response.content, attempt)
    # The choices themselves are shown, of course.
    assertContains(page, "Openness and Transparency")
    assertContains(page, "Personal Loyalty")


def test_matching_drop_downs_do_not_reveal_which_answer_belongs_to_which_item(
    learner_client, learner
):
    quiz = secret_quiz(learner)
    attempt = start_by_post(learner_client, quiz)
    snapshot = answers_by_kind(attempt)["matching"].snapshot
    position = answers_by_kind(attempt)["matching"].position

    selects = matching_selects(learner_client.get(attempt_url(quiz, attempt)).content, position)

    item_ids = {pair["id"] for pair in snapshot["pairs"]}
    assert set(selects) == item_ids
    option_lists = list(selects.values())
    # Every item offers the same answers in the same order, none carrying an item's id.
    assert all(options == option_lists[0] for options in option_lists)
    assert not set(option_lists[0]) & item_ids
    assert set(option_lists[0]) == {"", *(pair["right_id"] for pair in snapshot["pairs"])}


def test_the_preview_carries_no_keys(learner):
    quiz = secret_quiz(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)  # only to collect the keys

    response = QuizPage.objects.get(pk=quiz.pk).make_preview_request()

    assert response.status_code == 200
    assert_no_secrets(response.content, attempt)


# Forged and malformed answers: 400, a clear message, nothing saved


@pytest.fixture
def started(learner_client, learner):
    """An attempt at the secret quiz with one valid answer saved."""
    quiz = secret_quiz(learner)
    attempt = start_by_post(learner_client, quiz)
    attempt_save(attempt=attempt, raw_answers={3: "true"})
    return quiz, attempt


def forged_posts(attempt, other_attempt_choice):
    answers = answers_by_kind(attempt)
    multiple = answers["multiple"].snapshot
    single = answers["single"].snapshot
    items = list(correct_matching(answers["matching"].snapshot))
    return {
        "a made-up choice id": (
            {"q1": "00000000-0000-0000-0000-000000000000"},
            1,
            "That choice does not belong to this question.",
        ),
        "a choice of another question": (
            {"q1": multiple["choices"][0]["id"]},
            1,
            "That choice does not belong to this question.",
        ),
        "a choice of another quiz": (
            {"q1": other_attempt_choice},
            1,
            "That choice does not belong to this question.",
        ),
        "one forged choice among real ones": (
            {"q2": [multiple["choices"][0]["id"], correct_choice_id(single)]},
            2,
            "That choice does not belong to this question.",
        ),
        "a question not in the attempt": (
            {"q99": correct_choice_id(single)},
            99,
            "This question is not part of your attempt.",
        ),
        "true or false as yes": ({"q3": "yes"}, 3, "Answer true or false."),
        "a too long answer": ({"q4": "x" * 501}, 4, "at most 500 characters"),
        "a word for a number": ({"q5": "seven"}, 5, "Enter a number, for example 12 or 3,5."),
        "an item's id as its answer": (
            {f"q6-{items[0]}": items[1]},
            6,
            "That answer does not belong to this question.",
        ),
        "an item not in the question": (
            {"q6-forged": answers["matching"].snapshot["right_order"][0]},
            6,
            "That item does not belong to this question.",
        ),
    }


FORGERIES = [
    "a made-up choice id",
    "a choice of another question",
    "a choice of another quiz",
    "one forged choice among real ones",
    "a question not in the attempt",
    "true or false as yes",
    "a too long answer",
    "a word for a number",
    "an item's id as its answer",
    "an item not in the question",
]


@pytest.fixture
def choice_of_another_quiz(learner):
    other = quiz_in_new_course(questions=[single_choice()], learner=learner)
    return correct_choice_id(attempt_start(learner=learner, quiz=other).answers.get().snapshot)


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forged_or_malformed_answer_is_refused_and_nothing_is_saved(
    learner_client, started, choice_of_another_quiz, forgery
):
    quiz, attempt = started
    fields, position, message = forged_posts(attempt, choice_of_another_quiz)[forgery]
    # Valid answers in the same form are not saved either.
    valid = post_fields(attempt, {7: "My essay.", 3: "false"})
    before = responses_in_db(attempt)
    saved_at = QuizAttempt.objects.get(pk=attempt.pk).saved_at

    response = learner_client.post(attempt_url(quiz, attempt), {**valid, **fields, "save": ""})

    assert response.status_code == 400
    assertContains(
        response, "Some answers could not be accepted. Nothing was saved", status_code=400
    )
    assertContains(response, message, status_code=400)
    assertContains(response, f'href="#question-{position}"', status_code=400)
    assert responses_in_db(attempt) == before
    assert QuizAttempt.objects.get(pk=attempt.pk).saved_at == saved_at


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forged_answer_in_autosave_is_refused_with_json(
    learner_client, started, choice_of_another_quiz, forgery
):
    quiz, attempt = started
    fields, position, message = forged_posts(attempt, choice_of_another_quiz)[forgery]
    before = responses_in_db(attempt)

    response = learner_client.post(
        attempt_url(quiz, attempt), {"q7": "My essay.", **fields, "save": "1"}, **JSON
    )

    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert message in response.json()["errors"][str(position)]
    assert responses_in_db(attempt) == before


@pytest.mark.parametrize("forgery", ["a made-up choice id", "a word for a number"])
def test_a_forged_answer_on_submit_neither_saves_nor_grades(
    learner_client, started, choice_of_another_quiz, forgery
):
    quiz, attempt = started
    fields, _position, message = forged_posts(attempt, choice_of_another_quiz)[forgery]
    before = responses_in_db(attempt)

    response = learner_client.post(attempt_url(quiz, attempt), {**fields, "submit": ""})

    assertContains(response, message, status_code=400)
    assert responses_in_db(attempt) == before
    assert QuizAttempt.objects.get(pk=attempt.pk).is_in_progress


def test_a_refused_form_keeps_what_the_learner_typed(learner_client, started):
    quiz, attempt = started

    response = learner_client.post(
        attempt_url(quiz, attempt),
        {"q4": "Kreševo", "q5": "seven", "q7": "A long essay I do not want to lose.", "save": ""},
    )

    assert response.status_code == 400
    assertContains(response, 'value="Kreševo"', status_code=400)
    assertContains(response, 'value="seven"', status_code=400)
    assertContains(response, ">A long essay I do not want to lose.</textarea>", status_code=400)


# Client-sent grades are ignored


def test_scores_and_verdicts_sent_by_the_client_are_ignored(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    wrong = wrong_choice_id(attempt.answers.get().snapshot)

    learner_client.post(
        attempt_url(quiz, attempt),
        {
            "q1": wrong,
            "score": "100",
            "q1-score": "1",
            "correct": "true",
            "is_correct": "on",
            "passed": "on",
            "percent": "100",
            "submit": "",
        },
    )

    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert (graded.score, graded.percent, graded.passed) == (0, 0, False)
    assert graded.answers.get().is_correct is False
    assert not StepProgress.objects.filter(step_id=quiz.pk, completed_at__isnull=False).exists()


# One result per attempt


def test_a_double_submit_grades_once_and_shows_the_same_result(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    first_post = {**post_fields(attempt, correct_responses(attempt)), "submit": ""}
    replay = {**post_fields(attempt, {2: "false"}), "submit": ""}

    first = learner_client.post(attempt_url(quiz, attempt), first_post)
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    second = learner_client.post(attempt_url(quiz, attempt), replay)

    assert first.status_code == second.status_code == 302
    assert first.url == second.url == attempt_url(quiz, attempt, "result")
    again = QuizAttempt.objects.get(pk=attempt.pk)
    assert (again.score, again.passed, again.submitted_at) == (2, True, graded.submitted_at)
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1
    assert responses_in_db(again)[2] == "true"
    assert StepProgress.objects.filter(learner=learner, step_id=quiz.pk).count() == 1


def test_autosave_after_submitting_saves_nothing(learner_client, learner):
    quiz = quiz_in_new_course(questions=[true_false()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"q1": "true", "submit": ""})

    response = learner_client.post(attempt_url(quiz, attempt), {"q1": "false", "save": "1"}, **JSON)

    assert response.status_code == 302
    assert responses_in_db(attempt) == {1: "true"}


# Limits


def test_starting_beyond_the_attempt_limit_is_refused_with_a_message(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, max_attempts=1)
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"submit": "anyway"})

    response = learner_client.post(start_url(quiz), follow=True)

    assert response.redirect_chain[0][0] == quiz.url
    assertContains(response, "You have used your 1 attempt at this quiz.")
    assert '<form method="post" action="' + start_url(quiz) not in response.content.decode()
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1


def test_starting_before_the_wait_is_over_is_refused_with_a_message(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, wait_minutes=60)
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"submit": "anyway"})

    refused = learner_client.post(start_url(quiz), follow=True)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=61)
    )
    allowed = learner_client.post(start_url(quiz))

    assertContains(refused, "You can try again in 60 minutes.")
    assert allowed.status_code == 302
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 2
