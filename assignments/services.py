"""Learners' submissions and trainers' grades. Every refusal is a SubmissionRefused whose
message the learner or trainer reads; nothing is written when one is raised."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from academy.core.outbox import task_enqueue
from academy.core.uploads import UploadProblem, upload_problem
from courses.outline import course_of_step, enrollment_of
from courses.permissions import trains_course
from courses.services import step_complete
from courses.signals import course_result_changed
from courses.translations import canonical_of

from .models import AssignmentPage, Submission, SubmissionFile
from .rubrics import RubricMismatch, rubric_result, rubric_snapshot


class SubmissionRefused(Exception):
    """Why the work cannot be saved, submitted or graded, in words for the person who tried."""


def latest_submission(*, assignment, learner) -> Submission | None:
    """The learner's newest version of their work on `assignment` (in any language)."""
    return (
        Submission.objects.filter(assignment=canonical_of(assignment), learner=learner)
        .order_by("-version")
        .first()
    )


def due_for_learner(*, assignment, learner):
    """When the work of `learner` is due: relative to their cohort's start where the assignment
    says so, else its date, else None."""
    enrollment = enrollment_of(learner=learner, course=course_of_step(assignment))
    cohort = enrollment.cohort if enrollment and enrollment.cohort_id else None
    return assignment.due_for(cohort.starts_on if cohort else None)


def _late_refusal(assignment, learner, now) -> str | None:
    due = due_for_learner(assignment=assignment, learner=learner)
    if due is not None and now > due and not assignment.accepts_late:
        return _("The due date has passed and this assignment does not accept late work.")
    return None


def upload_error(assignment: AssignmentPage, upload) -> str | None:
    """What is wrong with one uploaded file for `assignment`, worded for the learner."""
    problem = upload_problem(
        upload, extensions=assignment.extensions, max_bytes=assignment.max_file_mb * 1024 * 1024
    )
    if problem is None:
        return None
    name = upload.name
    return {
        UploadProblem.TYPE: _("%(name)s: this assignment accepts %(types)s files.")
        % {"name": name, "types": ", ".join(e.upper() for e in assignment.extensions)},
        UploadProblem.SIZE: _("%(name)s is larger than %(mb)s MB.")
        % {"name": name, "mb": assignment.max_file_mb},
        UploadProblem.EMPTY: _("%(name)s is empty.") % {"name": name},
        UploadProblem.CONTENT: _("%(name)s is not the kind of file its name says.")
        % {"name": name},
    }[problem]


def _draft_for_writing(assignment, learner, now) -> tuple[Submission, dict]:
    """The learner's draft, locked: the one in progress, else a new version (the first, or a
    revision that starts from the returned or failed version's text and files). Also
    {file id shown: file id in the draft}, as a revision's files are copies."""
    versions = Submission.objects.select_for_update().filter(assignment=assignment, learner=learner)
    latest = versions.order_by("-version").first()
    if latest is None:
        draft = Submission.objects.create(assignment=assignment, learner=learner, created_at=now)
        return draft, {}
    if latest.is_draft:
        return latest, {f.pk: f.pk for f in latest.files.all()}
    if latest.status == Submission.Status.SUBMITTED:
        raise SubmissionRefused(_("Your work is submitted and waiting for grading."))
    if latest.passed:
        raise SubmissionRefused(_("You have passed this assignment."))
    draft = Submission.objects.create(
        assignment=assignment,
        learner=learner,
        version=latest.version + 1,
        text=latest.text,
        created_at=now,
    )
    copies = {}
    for shown in latest.files.all():  # the stored file is shared, never rewritten
        copies[shown.pk] = SubmissionFile.objects.create(
            submission=draft,
            file=shown.file.name,
            original_name=shown.original_name,
            size=shown.size,
            uploaded_at=shown.uploaded_at,
        ).pk
    return draft, copies


def submission_save(
    *, assignment: AssignmentPage, learner, text: str, uploads=(), remove_file_ids=()
) -> Submission:
    """Save the learner's draft: its text, new files, and files taken out. All or nothing: a
    file of the wrong type or size, one too many, or a forged file id refuses the whole save."""
    assignment = canonical_of(assignment)
    now = timezone.now()
    if refusal := _late_refusal(assignment, learner, now):
        raise SubmissionRefused(refusal)
    if uploads and not assignment.takes_files:
        raise SubmissionRefused(_("This assignment takes text only."))
    problems = [error for upload in uploads if (error := upload_error(assignment, upload))]
    if problems:
        raise SubmissionRefused(" ".join(problems))
    with transaction.atomic():
        draft, shown = _draft_for_writing(assignment, learner, now)
        asked = {int(pk) for pk in remove_file_ids}
        if not asked <= set(shown):
            raise SubmissionRefused(_("A file you asked to remove is not in your draft."))
        removed = {shown[pk] for pk in asked}
        kept = list(draft.files.all())
        count = len(kept) - len(removed) + len(uploads)
        if count > assignment.max_files:
            raise SubmissionRefused(
                ngettext(
                    "Hand in at most %(count)s file.",
                    "Hand in at most %(count)s files.",
                    assignment.max_files,
                )
                % {"count": assignment.max_files}
            )
        draft.files.filter(pk__in=removed).delete()  # the stored file stays with older versions
        for upload in uploads:
            SubmissionFile.objects.create(
                submission=draft, file=upload, original_name=upload.name[:200], size=upload.size
            )
        draft.text = text if assignment.takes_text else ""
        draft.updated_at = now
        draft.save(update_fields=["text", "updated_at"])
    return draft


def submission_submit(*, assignment: AssignmentPage, learner) -> Submission:
    """Hand in the learner's draft for grading, with the rubric frozen into it as the learner
    read it (`assignment` in their language). A second submit (double click, two tabs) hands
    in nothing again and returns the same version."""
    shown, assignment = assignment, canonical_of(assignment)
    now = timezone.now()
    with transaction.atomic():
        latest = (
            Submission.objects.select_for_update()
            .filter(assignment=assignment, learner=learner)
            .order_by("-version")
            .first()
        )
        if latest is not None and latest.status == Submission.Status.SUBMITTED:
            return latest
        if latest is None or not latest.is_draft:
            raise SubmissionRefused(_("Save your work before you submit it."))
        if not latest.text.strip() and not latest.files.exists():
            raise SubmissionRefused(_("Your submission is empty: write your answer or add a file."))
        if refusal := _late_refusal(assignment, learner, now):
            raise SubmissionRefused(refusal)
        due = due_for_learner(assignment=assignment, learner=learner)
        latest.status = Submission.Status.SUBMITTED
        latest.submitted_at = now
        latest.is_late = due is not None and now > due
        latest.rubric = rubric_snapshot(shown.rubric)
        latest.pass_mark = assignment.pass_mark
        latest.save()
    return latest


def _locked_for_grading(submission, grader) -> Submission:
    locked = (
        Submission.objects.select_for_update().select_related("assignment").get(pk=submission.pk)
    )
    if not trains_course(grader, course_of_step(locked.assignment)):
        raise PermissionDenied
    if locked.status not in (Submission.Status.SUBMITTED, Submission.Status.GRADED):
        raise SubmissionRefused(_("This version is not waiting for grading."))
    return locked


def checked_levels(snapshot, levels):
    """The score of `levels` on the rubric `snapshot`, or a refusal in the assessor's words."""
    try:
        return rubric_result(snapshot, levels)
    except RubricMismatch:
        raise SubmissionRefused(_("Choose one level of each criterion of the rubric.")) from None


def submission_grade(
    *, submission: Submission, grader, levels: dict, criterion_feedback: dict, feedback: str
) -> Submission:
    """A trainer of the course grades a submitted version with one level per criterion. A pass
    completes the step; the learner is emailed on commit. Grading again replaces the grade."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_for_grading(submission, grader)
        result = checked_levels(locked.rubric, levels)
        locked.levels = levels
        locked.criterion_feedback = {k: v for k, v in criterion_feedback.items() if v.strip()}
        locked.feedback = feedback
        locked.score, locked.max_score = result.score, result.max_score
        locked.percent = result.percent
        locked.passed = result.percent >= locked.pass_mark
        locked.status = Submission.Status.GRADED
        locked.graded_by, locked.graded_at = grader, now
        locked.save()
        log(
            instance=locked,
            action="assignments.grade",
            user=grader,
            data={"version": locked.version, "score": result.score, "passed": locked.passed},
        )
        course = course_of_step(locked.assignment)
        if locked.passed:
            step_complete(learner=locked.learner, course=course, step=locked.assignment)
        transaction.on_commit(
            lambda: course_result_changed.send(
                sender=Submission, learner=locked.learner, course=course
            )
        )
        _tell_learner(locked)
    return locked


def submission_return(
    *, submission: Submission, grader, criterion_feedback: dict, feedback: str
) -> Submission:
    """A trainer returns a submitted version for revision, saying what to change. The version
    stays as it was; the learner's revision will be the next version."""
    if not feedback.strip():
        raise SubmissionRefused(_("Say what the learner should revise."))
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_for_grading(submission, grader)
        if locked.status != Submission.Status.SUBMITTED:
            raise SubmissionRefused(
                _("A graded version cannot be returned; grade it again instead.")
            )
        locked.criterion_feedback = {k: v for k, v in criterion_feedback.items() if v.strip()}
        locked.feedback = feedback
        locked.status = Submission.Status.RETURNED
        locked.graded_by, locked.graded_at = grader, now
        locked.save()
        log(
            instance=locked,
            action="assignments.return",
            user=grader,
            data={"version": locked.version},
        )
        _tell_learner(locked)
    return locked


def _tell_learner(submission):
    from .tasks import send_submission_reviewed  # the tasks call these services

    task_enqueue(send_submission_reviewed, submission.pk)
