"""Calendars: "Add to calendar" per session and a personal feed at a secret address the learner
can replace; times in Europe/Sarajevo with the zone's rules, right across daylight saving."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from workshops.models import CalendarFeed

from .conftest import add_session, sarajevo

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(cohort, other_cohort):
    winter = add_session(
        cohort, title="Session 1", meetings=[(sarajevo(2026, 3, 27, 9), sarajevo(2026, 3, 27, 17))]
    )
    # Summer time starts on 29 March 2026: 9:00 in Sarajevo is 07:00 UTC from then on.
    summer = add_session(
        cohort, title="Session 2", meetings=[(sarajevo(2026, 3, 30, 9), sarajevo(2026, 3, 30, 17))]
    )
    theirs = add_session(
        other_cohort,
        title="Their session",
        meetings=[(sarajevo(2026, 4, 1, 9), sarajevo(2026, 4, 1, 17))],
    )
    return winter, summer, theirs


def events(content: bytes):
    return list(Calendar.from_ical(content).walk("VEVENT"))


def test_add_to_calendar_gives_the_sessions_meetings_in_sarajevo_time(client, learners, sessions):
    _winter, summer, _theirs = sessions
    client.force_login(learners[0])

    response = client.get(reverse("workshops:session_calendar", args=[summer.pk]))

    assert response["Content-Type"].startswith("text/calendar")
    content = response.content
    (event,) = events(content)
    start = event.decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (9, "Europe/Sarajevo")
    assert b"TZID=Europe/Sarajevo" in content and b"BEGIN:VTIMEZONE" in content
    assert b"BEGIN:DAYLIGHT" in content and b"BEGIN:STANDARD" in content
    assert str(event["summary"]) == "Session 2"


def test_the_feed_keeps_9_oclock_on_both_sides_of_the_change_to_summer_time(
    client, learners, sessions
):
    feed = CalendarFeed.objects.create(learner=learners[0])

    response = client.get(reverse("workshops:calendar_feed", args=[feed.token]))

    starts = sorted(e.decoded("dtstart") for e in events(response.content))
    assert [(s.hour, s.utcoffset().total_seconds() / 3600) for s in starts] == [(9, 1), (9, 2)]


def test_the_feed_has_only_the_learners_cohorts_meetings(client, learners, sessions):
    feed = CalendarFeed.objects.create(learner=learners[0])

    content = client.get(reverse("workshops:calendar_feed", args=[feed.token])).content

    summaries = sorted(str(e["summary"]) for e in events(content))
    assert summaries == ["Session 1", "Session 2"]


def test_another_cohorts_session_has_no_calendar_for_this_learner(client, learners, sessions):
    _winter, _summer, theirs = sessions
    client.force_login(learners[0])

    response = client.get(reverse("workshops:session_calendar", args=[theirs.pk]))

    assert response.status_code == 404


def test_a_new_address_stops_the_old_one(client, learners, sessions):
    client.force_login(learners[0])
    client.get(reverse("workshops:my_sessions"))
    old = CalendarFeed.objects.get(learner=learners[0]).token

    client.post(reverse("workshops:calendar_feed_new"))

    new = CalendarFeed.objects.get(learner=learners[0]).token
    assert new != old
    client.logout()
    assert client.get(reverse("workshops:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("workshops:calendar_feed", args=[new])).status_code == 200


@pytest.mark.parametrize("token", ["nope", "x" * 32])
def test_an_unknown_feed_address_is_not_found(client, token):
    assert client.get(reverse("workshops:calendar_feed", args=[token])).status_code == 404


def test_a_new_address_needs_a_post(client, learners):
    client.force_login(learners[0])

    assert client.get(reverse("workshops:calendar_feed_new")).status_code == 405
