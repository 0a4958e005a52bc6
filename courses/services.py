"""Writes for enrollment and progress. Views, pages and higher apps (quizzes) all call these."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CoursePage, Enrollment, StepProgress
from .selectors import course_outline_for
from .signals import course_completed


class EnrollmentNotAllowed(PermissionDenied):
    pass


class NotEnrolled(PermissionDenied):
    pass


def enrollment_create(
    *, learner, course: CoursePage, by_staff: bool = False
) -> tuple[Enrollment, bool]:
    """Enroll `learner` in `course` once. Returns (enrollment, created); a second call (a double
    click, two tabs) returns the existing enrollment. Invitation-only courses need `by_staff`."""
    if course.is_invitation_only and not by_staff:
        raise EnrollmentNotAllowed(
            _("This course is by invitation only. Ask your trainer or programme coordinator.")
        )
    existing = Enrollment.objects.filter(learner=learner, course=course).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(learner=learner, course=course)
    except IntegrityError:  # a concurrent request enrolled first
        return Enrollment.objects.get(learner=learner, course=course), False
    transaction.on_commit(lambda: _queue_enrollment_email(enrollment.pk))
    return enrollment, True


def _queue_enrollment_email(enrollment_id):
    from .tasks import send_enrollment_confirmation

    send_enrollment_confirmation.delay(enrollment_id)


def _enrollment_for(*, learner, course) -> Enrollment:
    enrollment = Enrollment.objects.filter(learner=learner, course=course).first()
    if enrollment is None:
        raise NotEnrolled(_("Enroll in this course to take its lessons."))
    return enrollment


def step_visit(*, enrollment: Enrollment, step, started: bool) -> None:
    """Record that an enrolled learner opened a step, so "Continue" brings them back to it.
    `started` says whether the learner had opened it before (the page already knows)."""
    if not started:
        StepProgress.objects.get_or_create(learner_id=enrollment.learner_id, step_id=step.pk)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_step_id=step.pk, last_activity_at=timezone.now()
    )


def step_complete(*, learner, course: CoursePage, step) -> bool:
    """Mark `step` complete for an enrolled learner; completing the last required step completes
    the course. Safe to repeat: a second call changes nothing and sends no second signal.
    Returns whether this call completed the course."""
    enrollment = _enrollment_for(learner=learner, course=course)
    now = timezone.now()
    with transaction.atomic():
        progress, _created = StepProgress.objects.get_or_create(
            learner=learner, step_id=step.pk, defaults={"completed_at": now}
        )
        if progress.completed_at is None:
            StepProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
                completed_at=now
            )
        Enrollment.objects.filter(pk=enrollment.pk).update(
            last_step_id=step.pk, last_activity_at=now
        )
        return enrollment_check_completion(enrollment=enrollment)


def enrollment_check_completion(*, enrollment: Enrollment) -> bool:
    """Complete the enrollment if every required live step is done. Completion is sticky: a step
    added later does not un-complete a course. `course_completed` is sent once, on commit.
    Returns whether this call completed the course."""
    outline = course_outline_for(course=enrollment.course, learner=enrollment.learner)
    if not outline.progress.is_complete:
        return False
    # The conditional update lets exactly one of several concurrent requests win.
    won = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    if won:
        enrollment.refresh_from_db()
        transaction.on_commit(
            lambda: course_completed.send(sender=Enrollment, enrollment=enrollment)
        )
    return bool(won)
