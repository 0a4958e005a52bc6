"""Writes for enrollment, progress, cohorts and reminders. Views, pages and higher apps (quizzes)
all call these."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from academy.accounts.models import User
from academy.accounts.services import user_register
from academy.core.outbox import task_enqueue

from .models import Cohort, CoursePage, Enrollment, StepProgress, new_invitation_token
from .outline import course_progress_of
from .reminders import learners_to_remind, not_reminded_recently
from .signals import course_completed
from .translations import canonical_of, canonical_pk


class EnrollmentNotAllowed(PermissionDenied):
    pass


class NotEnrolled(PermissionDenied):
    pass


def enrollment_create(
    *, learner, course: CoursePage, by_staff: bool = False, notify: bool = True
) -> tuple[Enrollment, bool]:
    """Enroll `learner` in `course` once, in whichever language: the enrollment is in the
    original course. Returns (enrollment, created); a second call (a double click, two tabs,
    another language) returns the existing enrollment. Invitation-only courses need `by_staff`."""
    course = canonical_of(course)
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
    if notify:
        from .tasks import send_enrollment_confirmation  # the tasks call these services

        task_enqueue(send_enrollment_confirmation, enrollment.pk)
    return enrollment, True


def _enrollment_for(*, learner, course) -> Enrollment:
    enrollment = Enrollment.objects.filter(learner=learner, course_id=canonical_pk(course)).first()
    if enrollment is None:
        raise NotEnrolled(_("Enroll in this course to take its lessons."))
    return enrollment


# Activity is remembered to within a few minutes: reminders count days, reports show dates.
ACTIVITY_RESOLUTION = timedelta(minutes=5)


def step_visit(*, enrollment: Enrollment, step, started: bool) -> None:
    """Record that an enrolled learner opened a step (in any language), so "Continue" brings
    them back to it. `started` says whether the learner had opened it before (the page already
    knows)."""
    step_id = canonical_pk(step)
    if not started:
        StepProgress.objects.get_or_create(learner_id=enrollment.learner_id, step_id=step_id)
    now = timezone.now()
    last_seen = enrollment.last_activity_at
    if (
        started
        and enrollment.last_step_id == step_id
        and last_seen is not None
        and now - last_seen < ACTIVITY_RESOLUTION
        and timezone.localdate(now) == timezone.localdate(last_seen)  # reminders count days
    ):
        return  # reading the same step again: nothing new to remember, no write
    Enrollment.objects.filter(pk=enrollment.pk).update(last_step_id=step_id, last_activity_at=now)


def step_complete(*, learner, course: CoursePage, step) -> bool:
    """Mark `step` complete for an enrolled learner; completing the last required step completes
    the course. `course` and `step` may be in any language: progress is on the originals. Safe
    to repeat: a second call changes nothing and sends no second signal.
    Returns whether this call completed the course."""
    enrollment = _enrollment_for(learner=learner, course=course)
    step_id = canonical_pk(step)
    now = timezone.now()
    with transaction.atomic():
        progress, _created = StepProgress.objects.get_or_create(
            learner=learner, step_id=step_id, defaults={"completed_at": now}
        )
        if progress.completed_at is None:
            StepProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
                completed_at=now
            )
        Enrollment.objects.filter(pk=enrollment.pk).update(
            last_step_id=step_id, last_activity_at=now
        )
        return enrollment_check_completion(enrollment=enrollment)


def enrollment_check_completion(*, enrollment: Enrollment) -> bool:
    """Complete the enrollment if every required live step is done. Completion is sticky: a step
    added later does not un-complete a course. `course_completed` is sent once, on commit.
    Returns whether this call completed the course."""
    progress = course_progress_of(learner=enrollment.learner, course=enrollment.course)
    if not progress.is_complete:
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


class InvitationClosed(PermissionDenied):
    pass


def cohort_join(*, cohort: Cohort, learner) -> Enrollment:
    """Join a cohort through its invitation link: enroll in its course (even an invitation-only
    one: the link is the invitation) and record the cohort. Joining twice changes nothing."""
    if not cohort.invitation_open:
        raise InvitationClosed(_("This invitation link is closed. Ask your trainer for a new one."))
    enrollment, _created = enrollment_create(learner=learner, course=cohort.course, by_staff=True)
    if enrollment.cohort_id is None:
        Enrollment.objects.filter(pk=enrollment.pk, cohort__isnull=True).update(cohort=cohort)
        enrollment.cohort = cohort
    return enrollment


def cohort_rotate_invitation(*, cohort: Cohort) -> Cohort:
    """A new invitation link; the old one stops working at once."""
    cohort.invitation_token = new_invitation_token()
    cohort.save(update_fields=["invitation_token"])
    return cohort


@transaction.atomic
def cohort_import(
    *, cohort: Cohort, rows, imported_by, language: str = settings.LANGUAGE_CODE
) -> list[Enrollment]:
    """Create or match the accounts of checked rows and enroll them in the cohort, all or
    nothing. New accounts, in `language`, get an invitation email with a link to choose their
    password."""
    from .tasks import send_cohort_invitation

    if any(not row.is_valid for row in rows):
        raise ValueError(_("Fix the rows with errors before importing."))
    enrollments = []
    for row in rows:
        learner = row.existing_user or user_register(
            email=row.email,
            full_name=row.name,
            password=None,
            preferred_language=language,
            organisation=row.organisation,
            role=row.role,
        )
        enrollment, _created = enrollment_create(
            learner=learner, course=cohort.course, by_staff=True, notify=False
        )
        Enrollment.objects.filter(pk=enrollment.pk).update(cohort=cohort)
        task_enqueue(send_cohort_invitation, enrollment.pk, row.existing_user is None)
        enrollments.append(enrollment)
    log(
        instance=cohort,
        action="courses.cohort_import",
        user=imported_by,
        data={"learners": len(enrollments)},
    )
    return enrollments


def reminders_send(*, now: datetime) -> int:
    """Queue one inactivity reminder per learner due one (see `learners_to_remind`), on commit,
    and record `last_reminded_at`, so that a retry or a second run in the same week queues
    nothing. Returns how many learners will be reminded."""
    from .tasks import send_inactivity_reminder

    today = timezone.localdate(now, timezone.get_default_timezone())
    with transaction.atomic():
        due = {reminder.learner.pk: reminder for reminder in learners_to_remind(today=today)}
        if not due:
            return 0
        # Lock the learners and check again: a concurrent run that committed first has
        # reminded them already (PostgreSQL re-reads locked rows; SQLite runs one at a time).
        learner_ids = list(
            User.objects.select_for_update()
            .filter(not_reminded_recently(today=today), pk__in=due)
            .values_list("pk", flat=True)
        )
        User.objects.filter(pk__in=learner_ids).update(last_reminded_at=now)
        for learner_id in learner_ids:
            enrollment_ids = [enrollment.pk for enrollment in due[learner_id].enrollments]
            task_enqueue(send_inactivity_reminder, learner_id, enrollment_ids)
    return len(learner_ids)


UNSUBSCRIBE_SALT = "reminders-unsubscribe"


class InvalidUnsubscribeLink(ValueError):
    pass


def reminders_unsubscribe_token(*, learner: User) -> str:
    """A token for an unsubscribe link that works without logging in and does not expire
    (reminder emails stay in inboxes); only this site's secret key can make one."""
    return signing.dumps(learner.pk, salt=UNSUBSCRIBE_SALT)


def reminders_learner_for_token(*, token: str) -> User:
    """The learner an unsubscribe token was made for; InvalidUnsubscribeLink if it was forged,
    altered or its account is gone."""
    try:
        learner_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidUnsubscribeLink(_("This unsubscribe link is not valid.")) from error
    learner = User.objects.filter(pk=learner_id).first() if isinstance(learner_id, int) else None
    if learner is None:
        raise InvalidUnsubscribeLink(_("This unsubscribe link is not valid."))
    return learner


def reminders_unsubscribe(*, token: str) -> User:
    """Stop reminder emails for the learner of an unsubscribe token. Repeating it changes
    nothing; a bad token raises InvalidUnsubscribeLink and changes nothing."""
    learner = reminders_learner_for_token(token=token)
    User.objects.filter(pk=learner.pk).update(reminders_opt_out=True)
    learner.reminders_opt_out = True
    return learner
