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
