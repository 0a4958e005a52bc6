"""Trainers grade assignments from the one grading queue, with the rubric; only work in the
courses they train, and only with levels of the rubric the work was handed in with."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from assignments.models import Submission
from assignments.services import (
    SubmissionRefused,
    submission_grade,
    submission_return,
    submission_save,
    submission_submit,
)
from courses.models import ModulePage
from courses.outline import course_of_step
from courses.services import enrollment_create
from quizzes.services import attempt_start, attempt_submit
from tests.factories import UserFactory, add_quiz, assign_trainer, open_question

from .conftest import assignment_in_new_course, levels_for

pytestmark = pytest.mark.django_db


def handed_in(assignment, learner, text="Our map of open data."):
    submission_save(assignment=assignment, learner=learner, text=text)
    return submission_submit(assignment=assignment, learner=learner)


@pytest.fixture
def trainer(assignment):
    return assign_trainer(course_of_step(assignment))


def grade_url(submission):
    return reverse("assignment_grade", args=[submission.pk])


def test_the_queue_shows_assignments_and_open_answers_oldest_first(
    client, learner, assignment, trainer
):
    module = ModulePage.objects.child_of(course_of_step(assignment)).get()
    quiz = add_quiz(module, questions=[open_question()])
    first = handed_in(assignment, learner)
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), raw_answers={1: "Hearings."})
    client.force_login(trainer)

    page = client.get(reverse("grading_queue")).content.decode()

    assert page.index("Map your municipality") < page.index("question 1")
    assert grade_url(first) in page
    only_assignments = client.get(reverse("grading_queue"), {"kind": "assignment"}).content.decode()
    assert "question 1" not in only_assignments and "Map your municipality" in only_assignments


def test_a_trainer_of_another_course_sees_and_grades_none_of_it(client, learner, assignment):
    submission = handed_in(assignment, learner)
    stranger = assign_trainer(course_of_step(assignment_in_new_course()))
    client.force_login(stranger)

    assert "Map your municipality" not in client.get(reverse("grading_queue")).content.decode()
    assert client.get(grade_url(submission)).status_code == 404
    with pytest.raises(PermissionDenied):
        submission_grade(
            submission=submission,
            grader=stranger,
            levels=levels_for(submission, [2, 2, 2]),
            criterion_feedback={},
            feedback="",
        )
    assert Submission.objects.get().status == "submitted"


def test_grading_on_the_page_then_going_to_the_next(
    client, learner, other_learner, assignment, trainer
):
    enrollment_create(learner=other_learner, course=course_of_step(assignment))
    first, second = handed_in(assignment, learner), handed_in(assignment, other_learner)
    client.force_login(trainer)
    form = {f"level-{c}": lv for c, lv in levels_for(first, [2, 2, 1]).items()}
    form[f"feedback-{first.rubric[2]['id']}"] = "Shorter sentences."

    response = client.post(
        grade_url(first), {**form, "feedback": "Well argued.", "grade_next": "1"}
    )

    assert response.status_code == 302 and response.url == grade_url(second)
    first.refresh_from_db()
    assert (first.status, first.score, first.passed) == ("graded", 10, True)
    assert first.criterion_feedback == {first.rubric[2]["id"]: "Shorter sentences."}


def test_a_level_of_another_criterion_is_refused_and_the_form_comes_back(
    client, learner, assignment, trainer
):
    submission = handed_in(assignment, learner)
    client.force_login(trainer)
    first, second, third = submission.rubric
    form = {
        f"level-{first['id']}": second["levels"][2]["id"],  # a level of the second criterion
        f"level-{second['id']}": second["levels"][0]["id"],
        f"level-{third['id']}": third["levels"][0]["id"],
        "feedback": "Kept feedback",
    }
    response = client.post(grade_url(submission), form)
    assert response.status_code == 400
    assert "Choose one level of each criterion" in response.content.decode()
    assert "Kept feedback" in response.content.decode()
    assert Submission.objects.get().status == "submitted"


def test_returning_needs_a_word_on_what_to_revise(learner, assignment, trainer):
    submission = handed_in(assignment, learner)
    with pytest.raises(SubmissionRefused, match="what the learner should revise"):
        submission_return(
            submission=submission, grader=trainer, criterion_feedback={}, feedback=" "
        )
    assert Submission.objects.get().status == "submitted"


def test_a_draft_cannot_be_graded(learner, assignment, trainer):
    draft = submission_save(assignment=assignment, learner=learner, text="Not yet.")
    with pytest.raises(SubmissionRefused, match="not waiting for grading"):
        submission_grade(
            submission=draft, grader=trainer, levels={}, criterion_feedback={}, feedback=""
        )


def test_the_learner_sees_the_chosen_levels_and_feedback(
    learner_client, learner, assignment, trainer
):
    submission = handed_in(assignment, learner)
    submission_grade(
        submission=submission,
        grader=trainer,
        levels=levels_for(submission, [2, 1, 2]),
        criterion_feedback={submission.rubric[1]["id"]: "Ask the youth council."},
        feedback="A clear map.",
    )
    page = learner_client.get(assignment.url).content.decode()
    assert "10 of 12 points" in page
    assert "Ask the youth council." in page and "A clear map." in page
    assert "<strong>Developing</strong>" in page


def test_submitted_files_are_served_to_their_learner_and_trainers_only(
    client, learner, assignment, trainer
):
    from .conftest import pdf

    submission_save(assignment=assignment, learner=learner, text="", uploads=[pdf()])
    stored = Submission.objects.get().files.get()
    url = reverse("submission_file", args=[stored.pk])
    assert not stored.file.path.startswith(settings.MEDIA_ROOT + "/")  # no public URL reaches it

    for who, status in [(learner, 200), (trainer, 200), (UserFactory(), 404)]:
        client.force_login(who)
        response = client.get(url)
        assert response.status_code == status, who
        if status == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF")
            assert response["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
