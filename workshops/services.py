"""Writes of workshops: attendance rules, marking attendance (roll call, self check-in, the
register's completion when a meeting ends) and the scanned sign-in sheet.

Every change of a learner's attendance goes through `attendance_mark`, which keeps the one row
per learner and meeting (a unique constraint is the last guard against a double submit), writes
the audit row, and tells certificates on commit (`course_result_changed`)."""

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from academy.core.uploads import UploadProblem, extension_of, upload_problem
from courses.models import Cohort, Enrollment
from courses.signals import course_result_changed

from . import checkin
from .models import (
    DEFAULT_STATUSES,
    Attendance,
    AttendanceChange,
    AttendanceRule,
    AttendanceStatus,
    Meeting,
)

Kind = AttendanceStatus.Kind
Source = Attendance.Source


class CheckInRefused(Exception):
    """Why a self check-in was refused, in words for the learner."""


@transaction.atomic
def attendance_rule_for(*, cohort) -> AttendanceRule:
    """The cohort's attendance rule, created with the default statuses (Present 2, Late 1,
    Excused 1, Absent 0) the first time it is asked for."""
    rule, created = AttendanceRule.objects.get_or_create(cohort=cohort)
    if created:
        AttendanceStatus.objects.bulk_create(
            AttendanceStatus(rule=rule, kind=kind, label=str(label), points=points, sort_order=i)
            for i, (kind, label, points) in enumerate(DEFAULT_STATUSES)
        )
    return rule


def status_of_kind(*, rule, kind) -> AttendanceStatus:
    """The rule's status of `kind`; a rule whose trainer removed it gets it back (check-in and
    the register's completion need Present, Late and Absent)."""
    defaults = {k: (str(label), points) for k, label, points in DEFAULT_STATUSES}
    if kind not in defaults:
        raise ValueError(f"No built-in attendance status of kind {kind!r}")
    status = rule.statuses.filter(kind=kind).first()
    if status is None:
        label, points = defaults[kind]
        status = AttendanceStatus.objects.create(rule=rule, kind=kind, label=label, points=points)
    return status


def cohort_learner_ids(*, cohort) -> set[int]:
    return set(Enrollment.objects.filter(cohort=cohort).values_list("learner_id", flat=True))


@dataclass
class Mark:
    learner_id: int
    status: AttendanceStatus
    note: str = ""


def attendance_mark(
    *, meeting, learner_id: int, status, note: str = "", by=None, source: str
) -> bool:
    """Record `status` (and `note`) for the learner at the meeting; True if that changed
    anything. The row is locked while changed and every change is written to the audit trail;
    marking what is already recorded changes and writes nothing. Certificates hear of it on
    commit."""
    note = (note or "").strip()[:300]
    with transaction.atomic():
        current = (
            Attendance.objects.select_for_update()
            .filter(meeting=meeting, learner_id=learner_id)
            .first()
        )
        if current and current.status_id == status.pk and current.note == note:
            return False
        now = timezone.now()
        AttendanceChange.objects.create(
            meeting=meeting,
            learner_id=learner_id,
            old_status_id=current.status_id if current else None,
            new_status=status,
            old_note=current.note if current else "",
            new_note=note,
            source=source,
            changed_by=by,
            changed_at=now,
        )
        if current:
            current.status, current.note, current.source = status, note, source
            current.marked_by, current.marked_at = by, now
            current.save(update_fields=["status", "note", "source", "marked_by", "marked_at"])
        else:
            Attendance.objects.create(
                meeting=meeting,
                learner_id=learner_id,
                status=status,
                note=note,
                source=source,
                marked_by=by,
                marked_at=now,
            )
        _tell_certificates(meeting=meeting, learner_ids=[learner_id])
    return True


def _tell_certificates(*, meeting, learner_ids):
    from django.contrib.auth import get_user_model

    course = meeting.session.cohort.course

    def send():
        for learner in get_user_model().objects.filter(pk__in=learner_ids):
            course_result_changed.send(sender=Attendance, learner=learner, course=course)

    transaction.on_commit(send)


def roll_call_save(*, meeting, marks: list[Mark], by) -> int:
    """Save a roll call: each mark for a learner of the cohort (or one already on the meeting's
    register who has left it since), with a status of the cohort's rule. All or nothing: a
    mark for anyone else or with a foreign status raises ValidationError and saves none.
    Returns how many learners' attendance changed."""
    cohort = meeting.session.cohort
    rule = attendance_rule_for(cohort=cohort)
    allowed = cohort_learner_ids(cohort=cohort) | set(
        meeting.attendances.values_list("learner_id", flat=True)
    )
    status_ids = set(rule.statuses.values_list("pk", flat=True))
    for mark in marks:
        if mark.learner_id not in allowed:
            raise ValidationError(_("Someone on this roll call is not a learner of the cohort."))
        if mark.status.pk not in status_ids:
            raise ValidationError(_("Choose one of the cohort's attendance statuses."))
    changed = 0
    with transaction.atomic():
        for mark in marks:
            changed += attendance_mark(
                meeting=meeting,
                learner_id=mark.learner_id,
                status=mark.status,
                note=mark.note,
                by=by,
                source=Source.ROLL_CALL,
            )
    return changed


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def check_in(*, meeting, learner, code: str, now: datetime | None = None) -> Attendance:
    """Mark the learner present at the meeting (late after the rule's minutes) with the code
    the trainer shows. Refused, with the reason, for a learner not in the meeting's cohort,
    outside the check-in window, or with a wrong or expired code. Checking in again changes
    nothing and returns what is recorded (a trainer's mark is never overwritten)."""
    now = now or timezone.now()
    cohort = meeting.session.cohort
    if not Enrollment.objects.filter(cohort=cohort, learner=learner).exists():
        raise CheckInRefused(
            _("You are not a learner of %(cohort)s, so you cannot check in to its meetings.")
            % {"cohort": cohort.name}
        )
    rule = attendance_rule_for(cohort=cohort)
    opens, closes = meeting.check_in_window(rule)
    if not opens <= now < closes:
        raise CheckInRefused(
            _("Check-in for this meeting is open from %(opens)s to %(closes)s.")
            % {"opens": _when(opens), "closes": _when(closes)}
        )
    if not checkin.code_is_valid(meeting.pk, code, now):
        raise CheckInRefused(
            _("This code is wrong or has expired. Type the code shown now, or scan it again.")
        )
    existing = Attendance.objects.filter(meeting=meeting, learner=learner).first()
    if existing:
        return existing
    late = now > meeting.starts_at + timedelta(minutes=rule.late_after_minutes)
    status = status_of_kind(rule=rule, kind=Kind.LATE if late else Kind.PRESENT)
    # The same learner checking in twice at once: the first one counts.
    with contextlib.suppress(IntegrityError):
        attendance_mark(
            meeting=meeting,
            learner_id=learner.pk,
            status=status,
            by=learner,
            source=Source.CHECK_IN,
        )
    return Attendance.objects.get(meeting=meeting, learner=learner)


def check_in_with_code(*, learner, code: str, now: datetime | None = None) -> Attendance:
    """A typed code: the meeting is the learner's cohort's meeting open for check-in whose code
    it is. A code of another cohort's meeting is refused as such."""
    now = now or timezone.now()
    candidates = Meeting.objects.filter(
        starts_at__lte=now + timedelta(hours=6), ends_at__gt=now
    ).select_related("session__cohort")
    rules = {
        rule.cohort_id: rule
        for rule in AttendanceRule.objects.filter(
            cohort_id__in={m.session.cohort_id for m in candidates}
        )
    }
    open_meetings = [
        m for m in candidates if m.check_in_window(rules.get(m.session.cohort_id))[0] <= now
    ]
    mine = set(Cohort.objects.filter(enrollments__learner=learner).values_list("pk", flat=True))
    for meeting in open_meetings:
        if checkin.code_is_valid(meeting.pk, code, now):
            if meeting.session.cohort_id not in mine:
                raise CheckInRefused(
                    _("This code is for a meeting of another cohort. Ask your trainer for yours.")
                )
            return check_in(meeting=meeting, learner=learner, code=code, now=now)
    if not any(m.session.cohort_id in mine for m in open_meetings):
        raise CheckInRefused(_("None of your cohorts' meetings is open for check-in now."))
    raise CheckInRefused(
        _("This code is wrong or has expired. Type the code shown now, or scan it again.")
    )


def meeting_close_register(*, meeting, now: datetime | None = None) -> int:
    """Once the meeting has ended, record every learner of the cohort still unmarked as Absent,
    so the register is complete. Idempotent (a closed register is left alone; a learner marked
    meanwhile keeps their mark). Returns how many were recorded absent."""
    now = now or timezone.now()
    if not meeting.has_ended(now):
        return 0
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update().select_related("session__cohort").get(pk=meeting.pk)
        )
        if meeting.register_closed_at:
            return 0
        cohort = meeting.session.cohort
        rule = attendance_rule_for(cohort=cohort)
        absent = status_of_kind(rule=rule, kind=Kind.ABSENT)
        marked = set(meeting.attendances.values_list("learner_id", flat=True))
        unmarked = sorted(cohort_learner_ids(cohort=cohort) - marked)
        for learner_id in unmarked:
            attendance_mark(
                meeting=meeting, learner_id=learner_id, status=absent, source=Source.AUTOMATIC
            )
        meeting.register_closed_at = now
        meeting.save(update_fields=["register_closed_at"])
    return len(unmarked)


SHEET_TYPES = ("pdf", "png", "jpg", "jpeg")
SHEET_MAX_BYTES = 10 * 1024 * 1024


def scanned_sheet_attach(*, meeting, upload, by=None) -> Meeting:
    """Keep the scanned signed sign-in sheet with the meeting: a PDF, PNG or JPEG of at most
    10 MB whose content is what its name says. A bad file raises ValidationError and leaves the
    sheet kept before, if any, in place."""
    problem = upload_problem(upload, extensions=SHEET_TYPES, max_bytes=SHEET_MAX_BYTES)
    if problem in (UploadProblem.TYPE, UploadProblem.EMPTY):
        raise ValidationError(_("Upload the scan as a PDF, PNG or JPEG file."))
    if problem is UploadProblem.SIZE:
        raise ValidationError(_("The scan is larger than 10 MB. Scan at a lower resolution."))
    if problem is UploadProblem.CONTENT:
        raise ValidationError(
            _("This file is not a real %(type)s. Upload the scan as a PDF, PNG or JPEG file.")
            % {"type": extension_of(upload).upper()}
        )
    old = meeting.scanned_sheet.name if meeting.scanned_sheet else None
    meeting.scanned_sheet.save(upload.name, upload, save=False)
    meeting.scanned_sheet_uploaded_at = timezone.now()
    meeting.save(update_fields=["scanned_sheet", "scanned_sheet_uploaded_at"])
    if old:
        storage = meeting.scanned_sheet.storage
        transaction.on_commit(lambda: storage.delete(old))
    return meeting


def meeting_moves_announce(*, session, old_times: dict) -> int:
    """After the session was saved: tell every learner of the cohort, by email in their
    language, of each meeting whose start or end changed (`old_times`: {meeting id: (start,
    end)} as they were). Attendance already taken stays with the meeting. Returns how many
    meetings moved."""
    from academy.core.outbox import task_enqueue

    from .tasks import send_meeting_moved

    moved = [
        (meeting, old_times[meeting.pk][0])
        for meeting in session.meetings.all()
        if meeting.pk in old_times and (meeting.starts_at, meeting.ends_at) != old_times[meeting.pk]
    ]
    learners = sorted(cohort_learner_ids(cohort=session.cohort)) if moved else []
    for meeting, old_start in moved:
        for learner_id in learners:
            task_enqueue(send_meeting_moved, meeting.pk, learner_id, old_start.isoformat())
    return len(moved)


def session_cancel_problem(*, session) -> str | None:
    """Why `session` cannot be cancelled, or None: attendance taken at it is evidence for the
    donor and for certificates, so such a session stays (move its meetings instead)."""
    if Attendance.objects.filter(meeting__session=session).exists():
        return _(
            "Attendance was taken at this session: it cannot be cancelled. Its records are "
            "evidence for certificates and the donor."
        )
    return None


def session_cancellation_announce(*, session) -> int:
    """Before `session` is deleted (in the same transaction): tell every learner of the cohort
    by email in their language what was planned; the email carries it, as the session is gone
    when it is sent. Refused (ValidationError, nothing queued) when attendance was taken. A
    session whose meetings are all over tells nobody. Returns how many learners are told."""
    from academy.core.outbox import task_enqueue

    from .tasks import send_session_cancelled

    if problem := session_cancel_problem(session=session):
        raise ValidationError(problem)
    now = timezone.now()
    meetings = [m for m in session.meetings.order_by("starts_at") if m.ends_at > now]
    planned = {
        "title": session.title,
        "cohort": session.cohort.name,
        "where": session.where,
        "meetings": [[m.starts_at.isoformat(), m.ends_at.isoformat()] for m in meetings],
    }
    learners = sorted(cohort_learner_ids(cohort=session.cohort)) if meetings else []
    for learner_id in learners:
        task_enqueue(send_session_cancelled, learner_id, planned)
    return len(learners)


def calendar_feed_for(*, learner):
    """The learner's calendar feed, made the first time it is asked for."""
    from .models import CalendarFeed

    feed, _created = CalendarFeed.objects.get_or_create(learner=learner)
    return feed


def calendar_feed_rotate(*, learner):
    """A new secret address for the learner's feed; the old one stops working at once."""
    from .models import CalendarFeed, new_feed_token

    feed = calendar_feed_for(learner=learner)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return CalendarFeed.objects.get(pk=feed.pk)


def _notify_learners(session, kind) -> int:
    from academy.core.outbox import task_enqueue

    from .tasks import send_session_notice

    learners = sorted(cohort_learner_ids(cohort=session.cohort))
    for learner_id in learners:
        task_enqueue(send_session_notice, session.pk, learner_id, kind)
    return len(learners)


def session_invitations_send(*, session, now: datetime | None = None) -> int:
    """Invite the cohort's learners to a newly scheduled session (email in each learner's
    language), once: a session already announced, or one whose meetings are all over, sends
    nothing. Returns how many were invited."""
    from .models import Session

    now = now or timezone.now()
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.invitations_sent_at or not session.meetings.filter(ends_at__gt=now).exists():
            return 0
        session.invitations_sent_at = now
        session.save(update_fields=["invitations_sent_at"])
        return _notify_learners(session, "invitation")


REMIND_DAYS_BEFORE = 2


def sessions_remind(*, today=None) -> int:
    """Remind the learners of every session whose first meeting is two days from `today` (the
    local date), once per session. Returns how many sessions were reminded of."""
    from django.db.models import Min

    from .models import Session

    today = today or timezone.localdate()
    day = today + timedelta(days=REMIND_DAYS_BEFORE)
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, datetime.min.time(), zone)
    due = (
        Session.objects.filter(reminders_sent_at=None)
        .annotate(first_start=Min("meetings__starts_at"))
        .filter(first_start__gte=start, first_start__lt=start + timedelta(days=1))
    )
    reminded = 0
    for candidate in due:
        with transaction.atomic():
            session = Session.objects.select_for_update().get(pk=candidate.pk)
            if session.reminders_sent_at:
                continue
            session.reminders_sent_at = timezone.now()
            session.save(update_fields=["reminders_sent_at"])
            _notify_learners(session, "reminder")
            reminded += 1
    return reminded
