"""Learners hand in work through the assignment page: drafts, submission, every version kept,
and each bad input refused with its message and nothing changed."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from assignments.models import Submission, SubmissionFile
from assignments.services import (
    SubmissionRefused,
    submission_grade,
    submission_return,
    submission_save,
    submission_submit,
)
from courses.models import Cohort, Enrollment, StepProgress
from courses.outline import course_of_step
from tests.factories import assign_trainer

from .conftest import PDF, assignment_in_new_course, levels_for, pdf, png

pytestmark = pytest.mark.django_db


def post(client, assignment, **data):
    return client.post(assignment.url, data)


def test_a_learner_saves_a_draft_then_submits_it_with_a_file(learner_client, learner, assignment):
    response = post(
        learner_client, assignment, text="We publish the budget.", files=[pdf()], save="1"
    )
    assert response.status_code == 302
    draft = Submission.objects.get()
    assert (draft.status, draft.version, draft.text) == ("draft", 1, "We publish the budget.")
    assert draft.files.get().original_name == "plan.pdf"

    page = learner_client.get(assignment.url)
    assert "We publish the budget." in page.content.decode()
    assert "Your draft (version 1)" in page.content.decode()

    post(learner_client, assignment, text="We publish the budget and minutes.", submit="1")
    submitted = Submission.objects.get()
    assert submitted.status == Submission.Status.SUBMITTED
    assert submitted.text == "We publish the budget and minutes."
    assert [c["title"] for c in submitted.rubric] == [
        "Evidence from the municipality",
        "Citizens' participation",
        "Clarity",
    ]
    assert submitted.files.count() == 1
    page = learner_client.get(assignment.url).content.decode()
    assert "waiting for grading" in page
    assert 'name="text"' not in page  # nothing to write while the trainer grades


def test_a_double_submit_hands_in_one_version(learner, assignment):
    submission_save(assignment=assignment, learner=learner, text="Our plan.")
    first = submission_submit(assignment=assignment, learner=learner)
    second = submission_submit(assignment=assignment, learner=learner)
    assert first.pk == second.pk
    assert Submission.objects.count() == 1


def test_a_trainer_grades_with_the_rubric_and_a_pass_completes_the_step(
    learner, assignment, django_capture_on_commit_callbacks
):
    trainer = assign_trainer(course_of_step(assignment))
    submission_save(assignment=assignment, learner=learner, text="Our plan.")
    submitted = submission_submit(assignment=assignment, learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        graded = submission_grade(
            submission=submitted,
            grader=trainer,
            levels=levels_for(submitted, [2, 1, 2]),
            criterion_feedback={submitted.rubric[1]["id"]: "Ask the youth council too."},
            feedback="A clear map.",
        )
    assert (graded.score, graded.max_score, graded.passed) == (10, 12, True)
    assert StepProgress.objects.get(learner=learner, step_id=assignment.pk).completed_at
    assert mail.outbox[-1].to == [learner.email]
    assert "10 of 12 points" in mail.outbox[-1].body


def test_returned_work_is_revised_as_a_new_version_and_the_old_one_is_kept(
    learner_client, learner, assignment
):
    trainer = assign_trainer(course_of_step(assignment))
    submission_save(assignment=assignment, learner=learner, text="First try.", uploads=[pdf()])
    first = submission_submit(assignment=assignment, learner=learner)
    submission_return(submission=first, grader=trainer, criterion_feedback={}, feedback="Add data.")

    page = learner_client.get(assignment.url).content.decode()
    assert "Add data." in page and "Your revision" in page
    shown_file = first.files.get()
    post(
        learner_client,
        assignment,
        text="Second try.",
        files=[png()],
        remove=[shown_file.pk],
        submit="1",
    )

    first.refresh_from_db()
    second = Submission.objects.get(version=2)
    assert (first.status, first.text, first.files.count()) == ("returned", "First try.", 1)
    assert (second.status, second.text) == ("submitted", "Second try.")
    assert [f.original_name for f in second.files.all()] == ["photo.png"]


def test_a_failed_grade_lets_the_learner_hand_in_again(learner, assignment):
    trainer = assign_trainer(course_of_step(assignment))
    submission_save(assignment=assignment, learner=learner, text="Thin.")
    first = submission_submit(assignment=assignment, learner=learner)
    graded = submission_grade(
        submission=first,
        grader=trainer,
        levels=levels_for(first, [0, 0, 1]),
        criterion_feedback={},
        feedback="",
    )
    assert graded.passed is False
    assert not StepProgress.objects.filter(
        learner=learner, completed_at__isnull=False, step_id=assignment.pk
    ).exists()
    again = submission_save(assignment=assignment, learner=learner, text="Fuller.")
    assert again.version == 2


def test_work_after_a_pass_or_while_waiting_is_refused(learner, assignment):
    trainer = assign_trainer(course_of_step(assignment))
    submission_save(assignment=assignment, learner=learner, text="Plan.")
    submitted = submission_submit(assignment=assignment, learner=learner)
    with pytest.raises(SubmissionRefused, match="waiting for grading"):
        submission_save(assignment=assignment, learner=learner, text="Changed my mind.")
    submission_grade(
        submission=submitted,
        grader=trainer,
        levels=levels_for(submitted, [2, 2, 2]),
        criterion_feedback={},
        feedback="",
    )
    with pytest.raises(SubmissionRefused, match="passed"):
        submission_save(assignment=assignment, learner=learner, text="More.")
    assert Submission.objects.get().text == "Plan."


# Bad input: each refused with a message the learner reads, and nothing saved.


def refused_post(client, assignment, **data):
    response = post(client, assignment, **data)
    assert response.status_code == 400
    return response.content.decode()


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(learner_client, assignment):
    page = refused_post(
        learner_client,
        assignment,
        text="Kept text",
        files=[pdf(content=b"MZ\x90 not a pdf")],
        save="1",
    )
    assert "plan.pdf is not the kind of file its name says" in page
    assert "Kept text" in page  # what the learner wrote comes back
    assert not Submission.objects.exists()


def test_a_file_of_a_type_the_assignment_does_not_take_is_refused(learner_client, assignment):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = refused_post(
        learner_client, assignment, files=[SimpleUploadedFile("run.exe", b"MZ")], save="1"
    )
    assert "accepts PDF, DOCX" in page
    assert not SubmissionFile.objects.exists()


def test_a_file_larger_than_the_assignment_allows_is_refused(learner_client, learner):
    assignment = assignment_in_new_course(learner=learner, max_file_mb=1)
    big = pdf(content=PDF + b"0" * (1024 * 1024))
    page = refused_post(learner_client, assignment, files=[big], save="1")
    assert "larger than 1 MB" in page
    assert not Submission.objects.exists()


def test_more_files_than_allowed_are_refused_all_together(learner_client, learner):
    assignment = assignment_in_new_course(learner=learner, max_files=2)
    post(learner_client, assignment, files=[pdf("a.pdf")], save="1")
    page = refused_post(learner_client, assignment, files=[pdf("b.pdf"), pdf("c.pdf")], save="1")
    assert "at most 2 files" in page
    assert [f.original_name for f in SubmissionFile.objects.all()] == ["a.pdf"]


def test_an_empty_submission_is_refused(learner_client, assignment):
    page = refused_post(learner_client, assignment, text="   ", submit="1")
    assert "Your submission is empty" in page
    assert not Submission.objects.exclude(status="draft").exists()


def test_removing_a_forged_or_anothers_file_is_refused(learner_client, learner, other_learner):
    assignment = assignment_in_new_course(learner=learner)
    Enrollment.objects.create(learner=other_learner, course=course_of_step(assignment))
    theirs = submission_save(assignment=assignment, learner=other_learner, text="", uploads=[pdf()])
    page = refused_post(
        learner_client, assignment, text="Mine", remove=[theirs.files.get().pk], save="1"
    )
    assert "not in your draft" in page
    assert theirs.files.count() == 1
    assert not Submission.objects.filter(learner=learner).exists()


def test_late_work_is_refused_when_the_assignment_does_not_accept_it(learner_client, learner):
    assignment = assignment_in_new_course(
        learner=learner, due_at=timezone.now() - timedelta(hours=1), accepts_late=False
    )
    page = refused_post(learner_client, assignment, text="Too late", submit="1")
    assert "does not accept late work" in page
    assert not Submission.objects.exists()


def test_late_work_is_marked_late_when_accepted(learner, assignment):
    assignment.due_at = timezone.now() - timedelta(hours=1)
    assignment.save_revision().publish()
    submission_save(assignment=assignment, learner=learner, text="Sorry, late.")
    assert submission_submit(assignment=assignment, learner=learner).is_late


def test_the_due_date_can_follow_the_learners_cohort_start(learner, assignment):
    course = course_of_step(assignment)
    cohort = Cohort.objects.create(course=course, name="Hercegovina", starts_on=date(2026, 3, 1))
    Enrollment.objects.filter(learner=learner).update(cohort=cohort)
    assignment.due_days_after_start = 14
    assignment.accepts_late = False
    assignment.save_revision().publish()
    with pytest.raises(SubmissionRefused, match="late work"):
        submission_save(assignment=assignment, learner=learner, text="After 15 March.")
