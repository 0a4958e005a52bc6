"""Marking attendance: one row per learner and meeting, audited, and the register completed
with Absent once a meeting has ended."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses.models import Enrollment
from courses.signals import course_result_changed
from tests.factories import UserFactory
from workshops.models import Attendance, AttendanceChange, AttendanceStatus
from workshops.selectors import learner_tally
from workshops.services import (
    Mark,
    attendance_mark,
    attendance_rule_for,
    meeting_close_register,
    roll_call_save,
    status_of_kind,
)
from workshops.tasks import close_ended_registers

from .conftest import add_session, running_meeting

pytestmark = pytest.mark.django_db
Kind = AttendanceStatus.Kind


def test_a_new_rule_has_the_four_statuses_with_default_points(cohort):
    rule = attendance_rule_for(cohort=cohort)

    points = {s.kind: s.points for s in rule.statuses.all()}
    assert points == {Kind.PRESENT: 2, Kind.LATE: 1, Kind.EXCUSED: 1, Kind.ABSENT: 0}
    assert attendance_rule_for(cohort=cohort) == rule
    assert rule.statuses.count() == 4


def test_marking_records_who_changed_what(cohort, learners, rule, trainer):
    meeting = running_meeting(cohort)
    learner = learners[0]
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)
    late = status_of_kind(rule=rule, kind=Kind.LATE)

    attendance_mark(
        meeting=meeting, learner_id=learner.pk, status=present, by=trainer, source="roll_call"
    )
    attendance_mark(
        meeting=meeting,
        learner_id=learner.pk,
        status=late,
        note="Came at 10",
        by=trainer,
        source="roll_call",
    )

    attendance = Attendance.objects.get(meeting=meeting, learner=learner)
    assert (attendance.status, attendance.note) == (late, "Came at 10")
    changes = list(AttendanceChange.objects.filter(learner=learner).order_by("pk"))
    assert [(c.old_status, c.new_status, c.changed_by) for c in changes] == [
        (None, present, trainer),
        (present, late, trainer),
    ]


def test_marking_the_same_again_changes_and_audits_nothing(cohort, learners, rule, trainer):
    meeting = running_meeting(cohort)
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)
    assert attendance_mark(
        meeting=meeting, learner_id=learners[0].pk, status=present, source="roll_call"
    )

    assert not attendance_mark(
        meeting=meeting, learner_id=learners[0].pk, status=present, source="roll_call"
    )

    assert AttendanceChange.objects.count() == 1


def test_a_change_tells_certificates_on_commit(
    cohort, learners, rule, django_capture_on_commit_callbacks
):
    meeting = running_meeting(cohort)
    heard = []

    def receiver(sender, learner, course, **kwargs):
        heard.append((learner.pk, course.pk))

    course_result_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            attendance_mark(
                meeting=meeting,
                learner_id=learners[0].pk,
                status=status_of_kind(rule=rule, kind=Kind.PRESENT),
                source="roll_call",
            )
    finally:
        course_result_changed.disconnect(receiver)

    assert heard == [(learners[0].pk, cohort.course_id)]


def test_a_roll_call_with_someone_outside_the_cohort_saves_nothing(cohort, learners, rule, trainer):
    meeting = running_meeting(cohort)
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)
    stranger = UserFactory()

    with pytest.raises(ValidationError, match="not a learner of the cohort"):
        roll_call_save(
            meeting=meeting,
            marks=[Mark(learners[0].pk, present), Mark(stranger.pk, present)],
            by=trainer,
        )

    assert not Attendance.objects.exists()


def test_a_roll_call_with_another_cohorts_status_saves_nothing(
    cohort, other_cohort, learners, rule, trainer
):
    meeting = running_meeting(cohort)
    foreign = status_of_kind(rule=attendance_rule_for(cohort=other_cohort), kind=Kind.PRESENT)

    with pytest.raises(ValidationError, match="statuses"):
        roll_call_save(meeting=meeting, marks=[Mark(learners[0].pk, foreign)], by=trainer)

    assert not Attendance.objects.exists()


def test_unmarked_learners_become_absent_when_the_meeting_ends(cohort, learners, rule, trainer):
    now = timezone.now()
    session = add_session(cohort, meetings=[(now - timedelta(hours=4), now - timedelta(hours=1))])
    meeting = session.meetings.get()
    excused = status_of_kind(rule=rule, kind=Kind.EXCUSED)
    attendance_mark(meeting=meeting, learner_id=learners[0].pk, status=excused, source="roll_call")

    assert close_ended_registers.delay().get() == 2

    kinds = dict(Attendance.objects.values_list("learner_id", "status__kind"))
    assert kinds == {learners[0].pk: "excused", learners[1].pk: "absent", learners[2].pk: "absent"}
    assert Attendance.objects.get(learner=learners[1]).source == Attendance.Source.AUTOMATIC
    # Run again (beat, a retry): nothing more.
    assert close_ended_registers.delay().get() == 0
    assert meeting_close_register(meeting=meeting) == 0
    assert Attendance.objects.count() == 3


def test_a_meeting_still_running_is_not_closed(cohort, learners, rule):
    meeting = running_meeting(cohort)

    assert meeting_close_register(meeting=meeting) == 0

    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.register_closed_at is None


def test_attendance_percent_is_points_earned_of_points_possible(cohort, learners, rule):
    now = timezone.now()
    session = add_session(
        cohort,
        meetings=[
            (now - timedelta(days=2, hours=3), now - timedelta(days=2)),
            (now - timedelta(days=1, hours=3), now - timedelta(days=1)),
            (now + timedelta(days=30), now + timedelta(days=30, hours=3)),  # not held yet
        ],
    )
    held = list(session.meetings.order_by("starts_at"))[:2]
    attendance_mark(
        meeting=held[0],
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=Kind.PRESENT),
        source="roll_call",
    )
    attendance_mark(
        meeting=held[1],
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=Kind.LATE),
        source="roll_call",
    )

    tally = learner_tally(cohort_id=cohort.pk, learner_id=learners[0].pk)

    assert (tally.earned, tally.possible, tally.attended, tally.held) == (3, 4, 2, 2)
    assert str(tally.percent) == "75.0"
    nobody = learner_tally(cohort_id=cohort.pk, learner_id=learners[1].pk)
    assert (nobody.earned, nobody.possible, str(nobody.percent)) == (0, 4, "0.0")


def test_a_learner_who_leaves_keeps_their_records(cohort, learners, rule, trainer):
    meeting = running_meeting(cohort)
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)
    roll_call_save(meeting=meeting, marks=[Mark(learners[0].pk, present)], by=trainer)

    Enrollment.objects.filter(learner=learners[0]).update(cohort=None)

    assert Attendance.objects.filter(learner=learners[0]).exists()
    from workshops.selectors import cohort_register, roll_call_rows

    row = next(r for r in roll_call_rows(meeting=meeting) if r.learner_id == learners[0].pk)
    assert row.left_cohort
    register_row = next(
        r for r in cohort_register(cohort=cohort).rows if r.learner_id == learners[0].pk
    )
    assert register_row.left_cohort
    # and their mark can still be corrected
    late = status_of_kind(rule=rule, kind=Kind.LATE)
    assert roll_call_save(meeting=meeting, marks=[Mark(learners[0].pk, late)], by=trainer) == 1


def test_a_removed_built_in_status_comes_back_when_needed(cohort, learners, rule):
    rule.statuses.filter(kind=Kind.ABSENT).delete()

    absent = status_of_kind(rule=rule, kind=Kind.ABSENT)

    assert (absent.label, absent.points) == ("Absent", 0)
    with pytest.raises(ValueError):
        status_of_kind(rule=rule, kind=Kind.OTHER)
