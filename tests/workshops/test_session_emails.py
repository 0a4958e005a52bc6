"""Learners hear of their sessions by email, in their language: an invitation when a session
is scheduled and a reminder two days before (Celery beat), each once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from workshops.services import session_invitations_send, sessions_remind
from workshops.tasks import send_session_reminders

from .conftest import add_session, sarajevo
from .test_session_admin import session_form

pytestmark = pytest.mark.django_db


def test_scheduling_a_session_invites_the_cohort_once(
    client, trainer, cohort, learners, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    future = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = session_form(cohort, [("Day 1", f"{future} 09:00", f"{future} 17:00")])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("workshop_sessions:add"), data)

    assert sorted(m.to[0] for m in mailoutbox) == sorted(learner.email for learner in learners)
    assert "You are invited" in mailoutbox[0].subject
    assert "Hotel Hercegovina" in mailoutbox[0].body
    from workshops.models import Session

    with django_capture_on_commit_callbacks(execute=True):
        assert session_invitations_send(session=Session.objects.get()) == 0
    assert len(mailoutbox) == 3


def test_a_session_already_over_invites_nobody(cohort, learners, mailoutbox):
    session = add_session(cohort, meetings=[(sarajevo(2025, 3, 10, 9), sarajevo(2025, 3, 10, 17))])

    assert session_invitations_send(session=session) == 0


def test_the_reminder_goes_two_days_before_in_the_learners_language(
    cohort, learners, mailoutbox, django_capture_on_commit_callbacks
):
    learners[0].preferred_language = "bs"
    learners[0].save()
    today = timezone.localdate()
    in_two_days = today + timedelta(days=2)
    add_session(
        cohort,
        title="Due",
        meetings=[
            (
                sarajevo(in_two_days.year, in_two_days.month, in_two_days.day, 9),
                sarajevo(in_two_days.year, in_two_days.month, in_two_days.day, 17),
            )
        ],
    )
    later = today + timedelta(days=9)
    add_session(
        cohort,
        title="Later",
        meetings=[
            (
                sarajevo(later.year, later.month, later.day, 9),
                sarajevo(later.year, later.month, later.day, 17),
            )
        ],
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert send_session_reminders.delay().get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert sessions_remind() == 0  # beat again the same day: nothing more

    assert len(mailoutbox) == 3
    assert all("Due" in m.subject for m in mailoutbox)
    # Dates as each learner reads them (the new strings await their translators).
    bosnian = next(m for m in mailoutbox if m.to == [learners[0].email])
    english = next(m for m in mailoutbox if m.to == [learners[1].email])
    assert "a.m." in english.body and "a.m." not in bosnian.body


@pytest.fixture
def administrator(db):
    from tests.factories import UserFactory

    return UserFactory(is_superuser=True, is_staff=True)


def test_cancelling_a_session_tells_the_cohort_what_will_not_take_place(
    client, administrator, cohort, learners, mailoutbox, django_capture_on_commit_callbacks
):
    from workshops.models import Meeting, Session

    learners[1].preferred_language = "sr"
    learners[1].save()
    later = timezone.now() + timedelta(days=20)
    session = add_session(cohort, title="Session 2", meetings=[(later, later + timedelta(hours=8))])
    client.force_login(administrator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workshop_sessions:delete", args=[session.pk]))

    assert response.status_code == 302
    assert not Session.objects.exists() and not Meeting.objects.exists()
    assert sorted(m.to[0] for m in mailoutbox) == sorted(learner.email for learner in learners)
    english = next(m for m in mailoutbox if m.to[0] == learners[0].email)
    assert english.subject == "Cancelled: Session 2"
    assert "Session 2 (Hercegovina 2026) is cancelled" in english.body
    assert "Hotel Jablanica" in english.body
    serbian = next(m for m in mailoutbox if m.to[0] == learners[1].email)
    assert serbian.subject != english.subject  # in the learner's language


def test_a_session_with_attendance_taken_cannot_be_cancelled_and_nothing_is_lost(
    client, administrator, cohort, learners, rule, mailoutbox, django_capture_on_commit_callbacks
):
    from workshops.models import Attendance, AttendanceStatus, Session
    from workshops.services import attendance_mark, status_of_kind

    session = add_session(cohort, meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))])
    attendance_mark(
        meeting=session.meetings.get(),
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT),
        source="roll_call",
    )
    client.force_login(administrator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workshop_sessions:delete", args=[session.pk]), follow=True)

    assert "Attendance was taken at this session" in response.content.decode()
    assert Session.objects.filter(pk=session.pk).exists()
    assert Attendance.objects.count() == 1
    assert mailoutbox == []
