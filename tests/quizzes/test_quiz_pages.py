"""Taking a quiz through its pages, as a learner does in a browser (with and without JavaScript)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from academy.governance.models import Principle
from courses.outline import course_of_step
from courses.services import enrollment_create, step_complete
from quizzes.models import QuizAttempt, QuizPage
from quizzes.services import DEADLINE_GRACE, attempt_start, attempt_submit
from tests.factories import UserFactory, lessons_of
from tests.quizzes.conftest import (
    answers_by_kind,
    attempt_url,
    correct_choice_id,
    correct_responses,
    every_kind_of_question,
    open_question,
    post_fields,
    quiz_in_new_course,
    responses_in_db,
    single_choice,
    start_by_post,
    start_url,
    true_false,
    wrong_choice_id,
)

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def body(response):
    return response.content.decode()


def only_answer(attempt):
    return attempt.answers.get()


# The quiz page and starting


def test_the_quiz_page_explains_the_rules_and_offers_to_start(learner_client, learner):
    quiz = quiz_in_new_course(
        questions=[single_choice()],
        learner=learner,
        pass_mark=80,
        max_attempts=3,
        time_limit_minutes=15,
        wait_minutes=10,
    )

    response = learner_client.get(quiz.url)

    assertContains(response, "Pass mark: 80%.")
    assertContains(response, "You have 3 attempts.")
    assertContains(response, "Time limit: 15 minutes, counted from when you start.")
    assertContains(response, "Wait 10 minutes between attempts.")
    assertContains(response, "Start the quiz")
    assertContains(response, f'action="{start_url(quiz)}"')
    assertContains(response, "You have not taken this quiz yet.")


def test_the_quiz_page_counts_the_attempts_left(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, max_attempts=3)
    assertNotContains(learner_client.get(quiz.url), "left.")

    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), raw_answers={})
    assertContains(learner_client.get(quiz.url), "You have 3 attempts. 2 attempts left.")

    second = attempt_start(learner=learner, quiz=quiz)
    assertContains(learner_client.get(quiz.url), "1 attempt left.")  # in progress: it counts

    attempt_submit(attempt=second, raw_answers={})
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), raw_answers={})
    assertContains(learner_client.get(quiz.url), "0 attempts left.")


def test_starting_opens_the_attempt(learner_client, learner, quiz):
    response = learner_client.post(start_url(quiz))

    attempt = QuizAttempt.objects.get(learner=learner, quiz=quiz)
    assertRedirects(response, attempt_url(quiz, attempt))
    page = learner_client.get(response.url)
    assertContains(page, "Which principle covers openness of decision-making?")
    assertContains(page, 'name="submit"')


def test_start_only_accepts_post(learner_client, quiz):
    response = learner_client.get(start_url(quiz))

    assert response.status_code == 405
    assert not QuizAttempt.objects.exists()


def test_a_learner_who_is_not_enrolled_gets_the_enroll_page(client, quiz):
    client.force_login(UserFactory())

    page = client.get(quiz.url)
    start = client.post(start_url(quiz))

    assert page.status_code == start.status_code == 403
    assertContains(page, "Enroll in the course", status_code=403)
    assertNotContains(page, "Start the quiz", status_code=403)
    assert not QuizAttempt.objects.exists()


def test_visitors_are_sent_to_log_in(client, quiz):
    response = client.get(quiz.url)

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_quiz_without_questions_says_so_when_started(learner_client, learner):
    quiz = quiz_in_new_course(questions=[], learner=learner)

    response = learner_client.post(start_url(quiz), follow=True)

    assertContains(response, "This quiz has no questions yet.")
    assert not QuizAttempt.objects.exists()


def test_the_attempt_in_progress_is_offered_instead_of_a_new_one(learner_client, learner, quiz):
    attempt = start_by_post(learner_client, quiz)

    response = learner_client.get(quiz.url)

    assertContains(response, "Continue your attempt")
    assertContains(response, f'href="{attempt_url(quiz, attempt)}"')
    assertNotContains(response, "Start the quiz")
    assert start_by_post(learner_client, quiz).pk == attempt.pk


# Answering without JavaScript, resuming, autosave


def test_answers_are_saved_by_a_plain_form_post(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    choice = wrong_choice_id(attempt.answers.get(position=1).snapshot)

    response = learner_client.post(
        attempt_url(quiz, attempt), {"q1": choice, "q2": "false", "save": ""}, follow=True
    )

    assertRedirects(response, attempt_url(quiz, attempt))
    assertContains(response, "Your answers are saved.")
    assertContains(response, f'value="{choice}" checked')
    assertContains(response, 'value="false" checked')
    assertContains(response, "Last saved at")
    assert responses_in_db(attempt) == {1: choice, 2: "false"}
    assert QuizAttempt.objects.get(pk=attempt.pk).is_in_progress


def test_an_attempt_resumes_in_a_new_browser(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    choice = correct_choice_id(attempt.answers.get(position=1).snapshot)
    learner_client.post(attempt_url(quiz, attempt), {"q1": choice, "q2": "true", "save": ""})

    another_browser = Client()
    another_browser.force_login(learner)
    overview = another_browser.get(quiz.url)
    resumed = another_browser.get(attempt_url(quiz, attempt))

    assertContains(overview, "Continue your attempt")
    assertContains(resumed, f'value="{choice}" checked')
    assertContains(resumed, 'value="true" checked')


def test_autosave_answers_with_json(learner_client, learner, quiz):
    attempt = start_by_post(learner_client, quiz)
    choice = correct_choice_id(only_answer(attempt).snapshot)

    response = learner_client.post(attempt_url(quiz, attempt), {"q1": choice, "save": "1"}, **JSON)

    assert response.status_code == 200
    assert response.json()["saved"] is True
    assert response.json()["saved_at"]
    assert responses_in_db(attempt) == {1: choice}


def test_every_kind_of_answer_survives_a_save_and_shows_again(learner_client, learner):
    quiz = quiz_in_new_course(questions=every_kind_of_question(), learner=learner)
    attempt = start_by_post(learner_client, quiz)
    responses = correct_responses(attempt)
    answers = answers_by_kind(attempt)

    learner_client.post(attempt_url(quiz, attempt), {**post_fields(attempt, responses), "save": ""})
    page = learner_client.get(attempt_url(quiz, attempt))

    saved = responses_in_db(attempt)
    assert saved[answers["numeric"].position] == "12"
    assert saved[answers["matching"].position] == responses[answers["matching"].position]
    assert sorted(saved[answers["multiple"].position]) == sorted(
        responses[answers["multiple"].position]
    )
    assertContains(page, 'value="Žepče"')
    assertContains(page, ">I will hold a public hearing in March.</textarea>")
    for left, right in responses[answers["matching"].position].items():
        assert f'name="q{answers["matching"].position}-{left}"' in body(page)
        assert f'<option value="{right}" selected>' in body(page)


def test_submitting_shows_the_result(learner_client, learner, quiz):
    attempt = start_by_post(learner_client, quiz)
    choice = correct_choice_id(only_answer(attempt).snapshot)

    response = learner_client.post(
        attempt_url(quiz, attempt), {"q1": choice, "submit": ""}, follow=True
    )

    assertRedirects(response, attempt_url(quiz, attempt, "result"))
    assertContains(response, "You scored 1 of 1 points (100%).")
    assertContains(response, "Passed")
    assert QuizAttempt.objects.get(pk=attempt.pk).passed is True


def test_passing_the_last_step_says_the_course_is_completed(learner_client, learner, quiz):
    lesson = lessons_of(course_of_step(quiz))[0]
    step_complete(learner=learner, course=course_of_step(quiz), step=lesson)
    attempt = start_by_post(learner_client, quiz)
    wrong = {"q1": wrong_choice_id(only_answer(attempt).snapshot), "submit": ""}

    failed = learner_client.post(attempt_url(quiz, attempt), wrong, follow=True)
    assertNotContains(failed, "You have completed this course.")

    attempt = start_by_post(learner_client, quiz)
    right = {"q1": correct_choice_id(only_answer(attempt).snapshot), "submit": ""}
    passed = learner_client.post(attempt_url(quiz, attempt), right, follow=True)
    assertContains(passed, "You have completed this course.")


def test_submitting_with_blank_questions_names_them_and_saves_the_rest_first(
    learner_client, learner
):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    first = attempt.answers.get(position=1)
    choice = correct_choice_id(first.snapshot)

    response = learner_client.post(attempt_url(quiz, attempt), {"q1": choice, "submit": ""})

    assert response.status_code == 200
    assertContains(response, "You have not answered 1 question.")
    assertContains(response, '<a href="#question-2">Question 2</a>', html=True)
    assertContains(response, 'form="quiz-form" name="submit" value="anyway"')
    assertNotContains(response, '<a href="#question-1">')
    attempt.refresh_from_db()
    assert attempt.is_in_progress
    assert responses_in_db(attempt) == {1: choice, 2: None}  # saved, not lost

    confirmed = learner_client.post(attempt_url(quiz, attempt), {"q1": choice, "submit": "anyway"})

    assertRedirects(confirmed, attempt_url(quiz, attempt, "result"), fetch_redirect_response=False)
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (QuizAttempt.Status.GRADED, 1)


def test_an_attempt_page_after_submitting_leads_to_the_result(learner_client, learner, quiz):
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"submit": "anyway"})

    response = learner_client.get(attempt_url(quiz, attempt))

    assertRedirects(response, attempt_url(quiz, attempt, "result"))


def test_a_result_of_an_attempt_in_progress_leads_back_to_the_attempt(
    learner_client, learner, quiz
):
    attempt = start_by_post(learner_client, quiz)

    response = learner_client.get(attempt_url(quiz, attempt, "result"))

    assertRedirects(response, attempt_url(quiz, attempt))


# Time limit


def timed_quiz(learner):
    return quiz_in_new_course(
        questions=[single_choice(), true_false()], learner=learner, time_limit_minutes=20
    )


def expire(attempt):
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - DEADLINE_GRACE - timedelta(seconds=1)
    )


def test_the_attempt_page_shows_the_time_left(learner_client, learner):
    quiz = timed_quiz(learner)
    attempt = start_by_post(learner_client, quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() + timedelta(minutes=12, seconds=30)
    )

    response = learner_client.get(attempt_url(quiz, attempt))

    assertContains(response, "Time left")
    assert 'data-seconds-left="749"' in body(response) or 'data-seconds-left="750"' in body(
        response
    )
    assert ">12:29</span>" in body(response) or ">12:30</span>" in body(response)


def test_an_untimed_attempt_shows_no_clock(learner_client, quiz):
    attempt = start_by_post(learner_client, quiz)

    assertNotContains(learner_client.get(attempt_url(quiz, attempt)), "Time left")


def test_opening_an_expired_attempt_grades_it_with_the_saved_answers(learner_client, learner):
    quiz = timed_quiz(learner)
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"q2": "true", "save": ""})
    expire(attempt)

    response = learner_client.get(attempt_url(quiz, attempt), follow=True)

    assertRedirects(response, attempt_url(quiz, attempt, "result"))
    assertContains(response, "Time is up. Your attempt was graded with the answers you saved.")
    assertContains(response, "You scored 1 of 2 points (50%).")
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == ("graded", 1)


def test_answers_posted_after_the_deadline_are_refused(learner_client, learner):
    quiz = timed_quiz(learner)
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"q2": "true", "save": ""})
    expire(attempt)
    late = {**post_fields(attempt, correct_responses(attempt)), "save": ""}

    response = learner_client.post(attempt_url(quiz, attempt), late, follow=True)

    assertRedirects(response, attempt_url(quiz, attempt, "result"))
    assertContains(response, "Time was up before these answers arrived.")
    assert responses_in_db(attempt) == {1: None, 2: "true"}
    assert QuizAttempt.objects.get(pk=attempt.pk).score == 1


def test_autosave_after_the_deadline_says_time_is_up(learner_client, learner):
    quiz = timed_quiz(learner)
    attempt = start_by_post(learner_client, quiz)
    expire(attempt)

    response = learner_client.post(attempt_url(quiz, attempt), {"q2": "true", "save": "1"}, **JSON)

    assert response.status_code == 409
    assert response.json() == {"saved": False, "time_is_up": True}
    assert responses_in_db(attempt) == {1: None, 2: None}
    assert QuizAttempt.objects.get(pk=attempt.pk).status == "graded"


# Review policy


def finish(client, quiz, *, correctly):
    """Take the one-question quiz: choose the correct choice, or "Rule of Law"."""
    attempt = start_by_post(client, quiz)
    snapshot = only_answer(attempt).snapshot
    rule_of_law = next(c["id"] for c in snapshot["choices"] if c["text"] == "Rule of Law")
    choice = correct_choice_id(snapshot) if correctly else rule_of_law
    client.post(attempt_url(quiz, attempt), {"q1": choice, "submit": ""})
    return client.get(attempt_url(quiz, attempt, "result"))


REVIEW_TEXTS = [
    'class="correct-answer"',
    "Openness and Transparency",  # the correct choice; the learner chose another one
    "Openness means decisions are taken in the open.",  # general feedback
    "Principle 6 is Openness and Transparency.",  # explanation
]


def assert_review_shown(response, shown):
    check = assertContains if shown else assertNotContains
    for text in REVIEW_TEXTS:
        check(response, text)
    # Score and verdict are always shown.
    assertContains(response, "You scored 0 of 1 points (0%).")
    assertContains(response, "Not passed")


def test_review_immediately_shows_answers_and_feedback_after_any_attempt(learner_client, learner):
    quiz = quiz_in_new_course(
        questions=[single_choice()], learner=learner, review_policy="immediately"
    )

    response = finish(learner_client, quiz, correctly=False)

    assert_review_shown(response, True)
    assertContains(response, "Your answer: Rule of Law")
    assertContains(response, "Not correct")
    assertContains(response, "Not this one.")  # the feedback of the learner's choice


def test_review_after_passing_waits_for_a_pass(learner_client, learner):
    quiz = quiz_in_new_course(
        questions=[single_choice()], learner=learner, review_policy="after_passing"
    )
    failed = finish(learner_client, quiz, correctly=False)
    assert_review_shown(failed, False)
    assertNotContains(failed, "Not this one.")
    assertContains(failed, "Correct answers and feedback are not shown for this attempt")

    finish(learner_client, quiz, correctly=True)

    failed_again = learner_client.get(failed.wsgi_request.path)
    assert_review_shown(failed_again, True)


def test_review_after_the_last_attempt_waits_for_the_last_attempt(learner_client, learner):
    quiz = quiz_in_new_course(
        questions=[single_choice()],
        learner=learner,
        review_policy="after_last_attempt",
        max_attempts=2,
    )

    first = finish(learner_client, quiz, correctly=False)
    assert_review_shown(first, False)

    last = finish(learner_client, quiz, correctly=False)
    assert_review_shown(last, True)


def test_review_never_hides_answers_even_after_passing(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, review_policy="never")

    failed = finish(learner_client, quiz, correctly=False)
    passed = finish(learner_client, quiz, correctly=True)

    assert_review_shown(failed, False)
    assertContains(passed, "You scored 1 of 1 points (100%).")
    assertContains(passed, "Passed")
    assertNotContains(passed, 'class="correct-answer"')
    assertNotContains(passed, "Principle 6 is Openness and Transparency.")


def test_the_review_of_a_past_attempt_shows_the_question_as_it_was_asked(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner)
    result = finish(learner_client, quiz, correctly=False)

    page = QuizPage.objects.get(pk=quiz.pk)
    question = page.questions.get()
    question.prompt = "<p>A rewritten question</p>"
    question.general_feedback = "New feedback"
    page.questions = [question]
    page.save_revision().publish()

    again = learner_client.get(result.wsgi_request.path)
    assertContains(again, "Which principle covers openness of decision-making?")
    assertContains(again, "Openness means decisions are taken in the open.")
    assertNotContains(again, "A rewritten question")
    assertNotContains(again, "New feedback")


def test_the_result_breaks_the_score_down_by_principle(learner_client, learner):
    principles = Principle.objects.filter(locale__language_code="en")
    openness, rule_of_law = principles.get(number=6), principles.get(number=5)
    quiz = quiz_in_new_course(
        questions=[
            {**single_choice("Openness one?"), "principles": [openness]},
            {**single_choice("Openness two?"), "principles": [openness, rule_of_law]},
            true_false(),
        ],
        learner=learner,
    )
    attempt = start_by_post(learner_client, quiz)
    first, second, _true_false = attempt.answers.all()
    learner_client.post(
        attempt_url(quiz, attempt),
        {
            "q1": correct_choice_id(first.snapshot),
            "q2": wrong_choice_id(second.snapshot),
            "q3": "true",
            "submit": "",
        },
    )

    response = learner_client.get(attempt_url(quiz, attempt, "result"))

    rows = response.context["result"].principles
    assert [(row.number, row.percent) for row in rows] == [
        (rule_of_law.number, 0),
        (openness.number, 50),
    ]
    assertContains(response, "By principle")
    assertContains(response, f"<td>{openness.number}. {openness.name}</td><td>50%</td>", html=False)
    assertContains(response, f"<td>{rule_of_law.number}. {rule_of_law.name}</td><td>0%</td>")


def test_the_quiz_page_lists_the_attempt_history(learner_client, learner, quiz):
    finish(learner_client, quiz, correctly=False)
    finish(learner_client, quiz, correctly=True)
    first, second = QuizAttempt.objects.filter(learner=learner).order_by("number")

    response = learner_client.get(quiz.url)

    assertContains(response, "Your attempts")
    assertContains(response, f'href="{attempt_url(quiz, first, "result")}">1</a>')
    assertContains(response, f'href="{attempt_url(quiz, second, "result")}">2</a>')
    assertContains(response, "0%")
    assertContains(response, "100%")
    assertContains(response, "You have passed this quiz.")
    assertContains(response, "Try again")


def test_an_awaiting_attempt_says_a_trainer_will_grade_it(learner_client, learner):
    quiz = quiz_in_new_course(questions=[open_question()], learner=learner)
    attempt = start_by_post(learner_client, quiz)
    learner_client.post(attempt_url(quiz, attempt), {"q1": "A hearing in March.", "submit": ""})

    result = learner_client.get(attempt_url(quiz, attempt, "result"))
    overview = learner_client.get(quiz.url)

    assertContains(result, "A trainer will grade your written answers")
    assertNotContains(result, "You scored")
    assertContains(overview, "Awaiting grading")


# Other learners, CSRF


def test_another_learners_attempt_is_not_found(learner, other_learner, quiz, client):
    attempt = attempt_start(learner=learner, quiz=quiz)
    choice = correct_choice_id(only_answer(attempt).snapshot)
    enrollment_create(learner=other_learner, course=course_of_step(quiz))
    client.force_login(other_learner)

    view = client.get(attempt_url(quiz, attempt))
    save = client.post(attempt_url(quiz, attempt), {"q1": choice, "save": ""})
    submit = client.post(attempt_url(quiz, attempt), {"q1": choice, "submit": ""})
    attempt_submit(attempt=attempt)
    result = client.get(attempt_url(quiz, attempt, "result"))

    assert [r.status_code for r in (view, save, submit, result)] == [404, 404, 404, 404]
    assert responses_in_db(attempt) == {1: None}
    assert QuizAttempt.objects.get(pk=attempt.pk).score == 0


def test_an_attempt_of_another_quiz_is_not_found_under_this_quiz(learner_client, learner, quiz):
    other = quiz_in_new_course(questions=[single_choice()], learner=learner)
    attempt = start_by_post(learner_client, other)

    response = learner_client.get(attempt_url(quiz, attempt))

    assert response.status_code == 404


def test_posts_without_the_csrf_token_are_refused(learner, quiz):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    choice = correct_choice_id(only_answer(attempt).snapshot)

    start = browser.post(start_url(quiz))
    save = browser.post(attempt_url(quiz, attempt), {"q1": choice, "save": ""})
    submit = browser.post(attempt_url(quiz, attempt), {"q1": choice, "submit": ""})

    assert [r.status_code for r in (start, save, submit)] == [403, 403, 403]
    assert responses_in_db(attempt) == {1: None}
    assert QuizAttempt.objects.get().is_in_progress


def test_the_form_carries_the_csrf_token(learner, quiz):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    page = browser.get(quiz.url)
    token = page.context["csrf_token"]

    response = browser.post(start_url(quiz), {"csrfmiddlewaretoken": str(token)})

    assert response.status_code == 302
    assert QuizAttempt.objects.filter(learner=learner).count() == 1


# Trainer preview


def test_the_preview_shows_the_questions_as_learners_see_them_without_keys(quiz):
    response = QuizPage.objects.get(pk=quiz.pk).make_preview_request()
    html = body(response)

    assert response.status_code == 200
    assert "Preview: this is how learners see an attempt. Nothing is saved." in html
    assert "Which principle covers openness of decision-making?" in html
    for choice in ("Openness and Transparency", "Rule of Law", "Responsiveness"):
        assert choice in html
    for secret in (
        "Yes: principle 6.",
        "Not this one.",
        "Openness means decisions",
        "Principle 6 is",
    ):
        assert secret not in html
    assert 'name="submit"' not in html
    assert not QuizAttempt.objects.exists()


def test_the_admin_preview_of_a_draft_creates_no_attempt(admin_client, quiz):
    draft = QuizPage.objects.get(pk=quiz.pk)
    draft.title = "Draft title of the quiz"
    draft.save_revision()

    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[quiz.pk]))

    assertContains(response, "Draft title of the quiz")
    assertContains(response, "Which principle covers openness of decision-making?")
    assertNotContains(response, "Yes: principle 6.")
    assert not QuizAttempt.objects.exists()


def test_a_question_s_image_is_shown_in_the_attempt(learner_client, learner):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from tests.factories import single_choice
    from tests.quizzes.conftest import quiz_in_new_course, start_by_post

    image = get_image_model().objects.create(
        title="Draft budget chart", file=get_test_image_file(), description="Budget chart"
    )
    quiz = quiz_in_new_course(questions=[{**single_choice(), "image": image}], learner=learner)
    attempt = start_by_post(learner_client, quiz)

    page = learner_client.get(quiz.url + f"attempts/{attempt.pk}/").content.decode()
    assert 'class="question__image"' in page
    assert "Yes: principle 6." not in page  # the image brings no key with it
