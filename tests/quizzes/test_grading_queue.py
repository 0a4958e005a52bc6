"""The trainers' grading queue in the Wagtail admin: open answers of the courses they train."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from courses.models import CoursePage, StepProgress
from courses.outline import course_of_step
from courses.services import enrollment_create
from quizzes.models import AttemptAnswer, QuizAttempt
from quizzes.services import attempt_save, attempt_start, attempt_submit
from tests.factories import UserFactory, make_trainer
from tests.quizzes.conftest import (
    answers_by_kind,
    correct_choice_id,
    open_question,
    quiz_in_new_course,
    single_choice,
)

pytestmark = pytest.mark.django_db

ESSAY = "We will publish the draft budget online and hold a hearing in March."


def edit_url(answer):
    return reverse("grading:edit", args=[answer.pk])


def assign(trainer, quiz):
    course = CoursePage.objects.get(pk=course_of_step(quiz).pk)
    course.trainers.add(trainer)
    course.save()


@pytest.fixture
def trainer():
    return make_trainer(full_name="Tarik Trener", email="tarik@lap.example")


@pytest.fixture
def quiz(learner, trainer):
    """A quiz of one single-choice question (1 point) and one open question (4 points), in a
    course `trainer` trains."""
    quiz = quiz_in_new_course(
        questions=[single_choice(points=1), open_question(points=4)], learner=learner
    )
    assign(trainer, quiz)
    return quiz


@pytest.fixture
def essay(learner, quiz):
    """The learner's open answer, submitted with the other question right (1 of 5 points)."""
    attempt = attempt_start(learner=learner, quiz=quiz)
    single = answers_by_kind(attempt)["single"]
    attempt_submit(
        attempt=attempt,
        raw_answers={
            single.position: correct_choice_id(single.snapshot),
            answers_by_kind(attempt)["open"].position: ESSAY,
        },
    )
    return answers_by_kind(attempt)["open"]


def test_the_queue_lives_in_the_admin():
    assert reverse("grading:index") == "/admin/grading/"


def test_a_trainer_sees_the_open_answers_waiting_in_their_courses(client, trainer, essay):
    client.force_login(trainer)

    response = client.get(reverse("grading:index"))

    assertContains(response, "Amra Hodžić")
    assertContains(response, edit_url(essay))


def test_the_queue_lists_only_open_answers_of_submitted_attempts(
    client, trainer, learner, quiz, essay
):
    other_quiz = quiz_in_new_course(questions=[open_question()], learner=learner)
    assign(trainer, other_quiz)
    in_progress = attempt_start(learner=learner, quiz=other_quiz)
    attempt_save(attempt=in_progress, raw_answers={1: "Still writing."})
    single = answers_by_kind(essay.attempt)["single"]
    client.force_login(trainer)

    response = client.get(reverse("grading:index"))

    assertContains(response, edit_url(essay))
    assertNotContains(response, edit_url(single))
    assertNotContains(response, edit_url(in_progress.answers.get()))
    assert client.get(edit_url(in_progress.answers.get()), follow=True).status_code == 404


def test_the_grading_form_shows_the_question_the_guidance_and_the_answer(client, trainer, essay):
    client.force_login(trainer)

    response = client.get(edit_url(essay))

    assertContains(response, "How will you involve citizens in next year's budget?")
    assertContains(response, "Look for a concrete step.")
    assertContains(response, ESSAY)
    assertContains(response, 'name="score"')
    assertContains(response, 'name="grader_comment"')


def test_a_trainer_grades_an_answer_and_the_learner_is_told(
    client, trainer, learner, quiz, essay, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(essay), {"score": "3", "grader_comment": "Concrete. Add a date."}
        )

    assert response.status_code == 302
    essay.refresh_from_db()
    attempt = QuizAttempt.objects.get(pk=essay.attempt_id)
    assert (essay.score, essay.needs_grading, essay.graded_by) == (3, False, trainer)
    assert essay.grader_comment == "Concrete. Add a date."
    assert (attempt.status, attempt.score, attempt.percent, attempt.passed) == (
        "graded",
        4,
        80,
        True,
    )
    assert StepProgress.objects.get(learner=learner, step_id=quiz.pk).completed_at is not None
    assert [message.to for message in mailoutbox] == [[learner.email]]
    assert "has been graded" in mailoutbox[0].subject


def test_the_learner_sees_the_grade_and_comment_on_the_result(
    client, trainer, learner, quiz, essay
):
    client.force_login(trainer)
    client.post(edit_url(essay), {"score": "4", "grader_comment": "Excellent plan."})
    client.force_login(learner)

    response = client.get(quiz.url + f"attempts/{essay.attempt_id}/result/")

    assertContains(response, "You scored 5 of 5 points (100%).")
    assertContains(response, "Trainer's comment")
    assertContains(response, "Excellent plan.")


def test_a_trainer_of_another_course_cannot_see_or_grade_the_answer(client, essay):
    outsider = make_trainer(full_name="Ognjen Ostali")
    client.force_login(outsider)

    listing = client.get(reverse("grading:index"))
    form = client.get(edit_url(essay), follow=True)
    post = client.post(edit_url(essay), {"score": "4", "grader_comment": "Sneaky."}, follow=True)

    assert listing.status_code == 200
    assertNotContains(listing, edit_url(essay))
    assertNotContains(listing, "Amra Hodžić")
    assert (form.status_code, post.status_code) == (404, 404)
    essay.refresh_from_db()
    assert (essay.needs_grading, essay.grader_comment, essay.graded_by) == (True, "", None)


def test_a_learner_cannot_reach_the_queue(client, learner, essay):
    client.force_login(learner)

    listing = client.get(reverse("grading:index"))
    post = client.post(edit_url(essay), {"score": "4", "grader_comment": "I graded myself."})

    assert listing.status_code == 302
    assert "/admin/login/" in listing.url
    assert post.status_code == 302
    essay.refresh_from_db()
    assert (essay.needs_grading, essay.score) == (True, 0)


@pytest.mark.parametrize("score", ["5", "-1", "four"])
def test_a_score_the_question_cannot_have_is_refused(client, trainer, essay, score, mailoutbox):
    client.force_login(trainer)

    response = client.post(edit_url(essay), {"score": score, "grader_comment": "Hm."})

    assert response.status_code == 200
    errors = response.context["form"].errors["score"]
    assert errors
    if score == "5":
        assert errors == ["Give between 0 and 4 points."]
    essay.refresh_from_db()
    assert (essay.needs_grading, essay.score, essay.grader_comment) == (True, 0, "")
    assert QuizAttempt.objects.get(pk=essay.attempt_id).status == "awaiting_grading"
    assert mailoutbox == []


def test_a_superuser_sees_every_course(admin_client, essay):
    response = admin_client.get(reverse("grading:index"))

    assertContains(response, edit_url(essay))


def test_grading_is_listed_for_other_learners_in_the_same_course(client, trainer, quiz):
    colleague = UserFactory(full_name="Jasmin Kolega")
    enrollment_create(learner=colleague, course=course_of_step(quiz))
    attempt = attempt_start(learner=colleague, quiz=quiz)
    attempt_submit(
        attempt=attempt, raw_answers={answers_by_kind(attempt)["open"].position: "My plan."}
    )
    client.force_login(trainer)

    response = client.get(reverse("grading:index"))

    assertContains(response, "Jasmin Kolega")
    assert AttemptAnswer.objects.filter(needs_grading=True).count() == 1


def test_answers_cannot_be_added_or_deleted_in_the_admin(admin_client, essay):
    listing = admin_client.get(reverse("grading:index"))
    add = admin_client.get(reverse("grading:add"))
    delete = admin_client.post(reverse("grading:delete", args=[essay.pk]))

    assertNotContains(listing, reverse("grading:add"))
    assertNotContains(listing, reverse("grading:delete", args=[essay.pk]))
    assert add.status_code == delete.status_code == 302  # refused back to the dashboard
    assert AttemptAnswer.objects.filter(pk=essay.pk).exists()


def test_grading_is_recorded_in_the_audit_log_with_who_and_when(trainer, essay):
    from wagtail.models import ModelLogEntry

    from quizzes.services import answer_grade

    answer_grade(answer=essay, score=1, comment="Clear and concrete.", grader=trainer)
    entry = ModelLogEntry.objects.get(action="quizzes.grade")
    assert entry.user_id == trainer.pk
    assert entry.timestamp is not None
    assert entry.data["comment"] == "Clear and concrete."


def test_save_and_grade_next_leads_to_the_answer_waiting_longest_then_to_the_queue(
    client, trainer, learner, quiz, essay
):
    later = UserFactory(email="later@lap.example")
    enrollment_create(learner=later, course=course_of_step(quiz))
    attempt = attempt_start(learner=later, quiz=quiz)
    attempt_submit(attempt=attempt, raw_answers={answers_by_kind(attempt)["open"].position: ESSAY})
    waiting = answers_by_kind(attempt)["open"]
    client.force_login(trainer)

    first = client.post(edit_url(essay), {"score": "3", "grader_comment": "", "grade_next": "1"})
    last = client.post(edit_url(waiting), {"score": "2", "grader_comment": "", "grade_next": "1"})

    assert first.url == edit_url(waiting)
    assert last.url == reverse("grading:index")  # none left
    assert not AttemptAnswer.objects.filter(needs_grading=True).exists()


def test_another_courses_quiz_forged_into_the_filter_shows_none_of_its_answers(
    client, trainer, essay
):
    stranger = UserFactory(full_name="Ivo Stranac")
    others = quiz_in_new_course(
        questions=[open_question()], learner=stranger, title="Procurement quiz"
    )
    attempt = attempt_start(learner=stranger, quiz=others)
    attempt_submit(attempt=attempt, raw_answers={1: "Not yours to read."})
    client.force_login(trainer)

    response = client.get(reverse("grading:index"), {"quiz": others.pk})

    assert response.status_code == 200
    assertNotContains(response, "Ivo Stranac")
    assertNotContains(response, edit_url(attempt.answers.get()))
