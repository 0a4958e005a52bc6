"""Self check-in with the code the trainer shows: it changes every 30 seconds, is accepted in
its own window and the next, and only from a learner of the meeting's cohort during the
check-in window."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from workshops import checkin
from workshops.models import Attendance, AttendanceStatus
from workshops.services import (
    CheckInRefused,
    attendance_mark,
    check_in,
    check_in_with_code,
    status_of_kind,
)

from .conftest import add_session, running_meeting

pytestmark = pytest.mark.django_db
MOMENT = datetime(2026, 3, 10, 9, 0, 15, tzinfo=UTC)


# The codes (pure)


def test_a_code_has_six_digits_and_changes_every_30_seconds():
    first = checkin.current_code(7, MOMENT)
    assert len(first) == 6 and first.isdigit()
    assert checkin.current_code(7, MOMENT + timedelta(seconds=10)) == first
    assert checkin.current_code(7, MOMENT + timedelta(seconds=30)) != first


def test_each_meeting_has_its_own_code():
    assert checkin.current_code(7, MOMENT) != checkin.current_code(8, MOMENT)


def test_a_code_stays_valid_through_the_next_window_only():
    code = checkin.current_code(7, MOMENT)
    assert checkin.code_is_valid(7, code, MOMENT + timedelta(seconds=29))
    assert checkin.code_is_valid(7, code, MOMENT + timedelta(seconds=44))
    assert not checkin.code_is_valid(7, code, MOMENT + timedelta(seconds=75))


def test_spaces_and_dashes_typed_in_a_code_are_ignored():
    code = checkin.current_code(7, MOMENT)
    assert checkin.code_is_valid(7, f"{code[:3]} {code[3:]}", MOMENT)
    assert checkin.code_is_valid(7, f"{code[:3]}-{code[3:]}", MOMENT)


def test_the_code_depends_on_the_secret_key(settings):
    code = checkin.current_code(7, MOMENT)
    settings.SECRET_KEY = "another-secret"
    assert checkin.current_code(7, MOMENT) != code


# Checking in


def test_a_learner_of_the_cohort_checks_in_present(cohort, learners, rule):
    meeting = running_meeting(cohort, started_minutes_ago=5)
    now = timezone.now()

    attendance = check_in(
        meeting=meeting, learner=learners[0], code=checkin.current_code(meeting.pk, now), now=now
    )

    assert attendance.status.kind == AttendanceStatus.Kind.PRESENT
    assert attendance.source == Attendance.Source.CHECK_IN


def test_after_the_rules_minutes_a_check_in_is_late(cohort, learners, rule):
    meeting = running_meeting(cohort, started_minutes_ago=rule.late_after_minutes + 1)
    now = timezone.now()

    attendance = check_in(
        meeting=meeting, learner=learners[0], code=checkin.current_code(meeting.pk, now), now=now
    )

    assert attendance.status.kind == AttendanceStatus.Kind.LATE


def test_checking_in_twice_changes_nothing(cohort, learners, rule):
    meeting = running_meeting(cohort)
    now = timezone.now()
    code = checkin.current_code(meeting.pk, now)
    first = check_in(meeting=meeting, learner=learners[0], code=code, now=now)

    later = now + timedelta(minutes=20)
    again = check_in(
        meeting=meeting,
        learner=learners[0],
        code=checkin.current_code(meeting.pk, later),
        now=later,
    )

    assert again.pk == first.pk and again.status == first.status
    assert Attendance.objects.count() == 1


def test_a_check_in_never_overwrites_the_trainers_mark(cohort, learners, rule, trainer):
    meeting = running_meeting(cohort)
    excused = status_of_kind(rule=rule, kind=AttendanceStatus.Kind.EXCUSED)
    attendance_mark(
        meeting=meeting, learner_id=learners[0].pk, status=excused, by=trainer, source="roll_call"
    )
    now = timezone.now()

    attendance = check_in(
        meeting=meeting, learner=learners[0], code=checkin.current_code(meeting.pk, now), now=now
    )

    assert attendance.status == excused


def test_someone_not_in_the_cohort_is_refused(cohort, learners, rule):
    meeting = running_meeting(cohort)
    now = timezone.now()

    with pytest.raises(CheckInRefused, match="not a learner of Hercegovina 2026"):
        check_in(
            meeting=meeting,
            learner=UserFactory(),
            code=checkin.current_code(meeting.pk, now),
            now=now,
        )

    assert not Attendance.objects.exists()


def test_a_code_replayed_after_it_rotated_is_refused(cohort, learners, rule):
    meeting = running_meeting(cohort)
    now = timezone.now()
    old_code = checkin.current_code(meeting.pk, now - timedelta(seconds=65))

    with pytest.raises(CheckInRefused, match="wrong or has expired"):
        check_in(meeting=meeting, learner=learners[0], code=old_code, now=now)

    assert not Attendance.objects.exists()


def test_outside_the_check_in_window_it_is_refused(cohort, learners, rule):
    now = timezone.now()
    session = add_session(cohort, meetings=[(now + timedelta(hours=2), now + timedelta(hours=5))])
    meeting = session.meetings.get()

    with pytest.raises(CheckInRefused, match="open from"):
        check_in(
            meeting=meeting,
            learner=learners[0],
            code=checkin.current_code(meeting.pk, now),
            now=now,
        )

    assert not Attendance.objects.exists()


def test_after_the_meeting_it_is_refused(cohort, learners, rule):
    now = timezone.now()
    session = add_session(cohort, meetings=[(now - timedelta(hours=5), now - timedelta(minutes=1))])
    meeting = session.meetings.get()

    with pytest.raises(CheckInRefused, match="open from"):
        check_in(
            meeting=meeting,
            learner=learners[0],
            code=checkin.current_code(meeting.pk, now),
            now=now,
        )


def test_a_typed_code_of_another_cohorts_meeting_is_refused_as_such(
    cohort, other_cohort, learners, rule
):
    running_meeting(cohort)
    theirs = running_meeting(other_cohort, title="Their session")
    now = timezone.now()

    with pytest.raises(CheckInRefused, match="another cohort"):
        check_in_with_code(learner=learners[0], code=checkin.current_code(theirs.pk, now), now=now)

    assert not Attendance.objects.exists()


def test_a_typed_code_finds_the_learners_meeting(cohort, learners, rule):
    meeting = running_meeting(cohort)
    now = timezone.now()

    attendance = check_in_with_code(
        learner=learners[1], code=checkin.current_code(meeting.pk, now), now=now
    )

    assert attendance.meeting == meeting and attendance.learner == learners[1]


def test_a_typed_code_with_no_meeting_open_says_so(cohort, learners, rule):
    with pytest.raises(CheckInRefused, match="None of your cohorts"):
        check_in_with_code(learner=learners[0], code="123456")


# Through the pages


def test_the_typed_code_form_checks_the_learner_in(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    client.force_login(learners[0])

    response = client.post(
        reverse("workshops:check_in"), {"code": checkin.current_code(meeting.pk, timezone.now())}
    )

    assert response.status_code == 302
    assert Attendance.objects.get(learner=learners[0]).meeting == meeting


@pytest.mark.parametrize("typed", ["", "12", "abcdef", "1234567"])
def test_the_form_asks_for_six_digits(client, cohort, learners, rule, typed):
    running_meeting(cohort)
    client.force_login(learners[0])

    response = client.post(reverse("workshops:check_in"), {"code": typed})

    assert response.status_code == 400
    assert "Type the 6 digits" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_wrong_code_is_refused_with_a_clear_message(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    client.force_login(learners[0])
    wrong = str((int(checkin.current_code(meeting.pk, timezone.now())) + 1) % 10**6).zfill(6)

    response = client.post(reverse("workshops:check_in"), {"code": wrong})

    assert response.status_code == 400
    assert "wrong or has expired" in response.content.decode()
    assert not Attendance.objects.exists()


def test_guessing_codes_is_stopped_after_ten_tries(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    client.force_login(learners[0])
    for _ in range(10):
        client.post(reverse("workshops:check_in"), {"code": "000000"})

    response = client.post(
        reverse("workshops:check_in"), {"code": checkin.current_code(meeting.pk, timezone.now())}
    )

    assert response.status_code == 400
    assert "Too many tries" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_qr_link_checks_in_a_logged_in_learner(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    client.force_login(learners[0])
    code = checkin.current_code(meeting.pk, timezone.now())

    response = client.get(reverse("workshops:check_in_link", args=[meeting.pk, code]))

    assert response.status_code == 302
    assert Attendance.objects.filter(learner=learners[0], meeting=meeting).exists()


def test_the_qr_link_asks_a_visitor_to_log_in_first(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    code = checkin.current_code(meeting.pk, timezone.now())

    response = client.get(reverse("workshops:check_in_link", args=[meeting.pk, code]))

    assert response.status_code == 302 and "login" in response["Location"]
    assert not Attendance.objects.exists()


def test_the_qr_link_of_another_cohort_is_refused(client, cohort, other_cohort, learners, rule):
    theirs = running_meeting(other_cohort)
    client.force_login(learners[0])
    code = checkin.current_code(theirs.pk, timezone.now())

    response = client.get(reverse("workshops:check_in_link", args=[theirs.pk, code]))

    assert response.status_code == 400
    assert "not a learner of Posavina 2026" in response.content.decode()
    assert not Attendance.objects.exists()
