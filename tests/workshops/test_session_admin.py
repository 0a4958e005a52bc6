"""Planning sessions in the admin: meetings entered in Sarajevo time and kept in UTC; meetings
that end before they start or overlap are refused; a full session warns; pre-work comes from the
cohort's course; a meeting with attendance is moved, never deleted."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from courses.models import ModulePage
from workshops.models import Attendance, AttendanceStatus, Meeting, Session
from workshops.services import attendance_mark, status_of_kind

from .conftest import add_session, sarajevo

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def session_form(cohort, meetings, **fields):
    data = {
        "cohort": cohort.pk,
        "title": "Session 1: Good Local Governance",
        "description": "",
        "venue_name": "Hotel Hercegovina",
        "venue_address": "Titova 1",
        "venue_municipality": "Jablanica",
        "map_url": "",
        "online_url": "",
        "capacity": 25,
        "meetings": inline_formset(
            [{"label": label, "starts_at": start, "ends_at": end} for label, start, end in meetings]
        ),
    }
    pre_work = fields.pop("pre_work", [])  # a list of ids, not a nested form
    return {**nested_form_data({**data, **fields}), "pre_work": pre_work}


THREE_DAYS = [
    ("Day 1", "2026-03-10 09:00", "2026-03-10 17:00"),
    ("Day 2", "2026-03-11 09:00", "2026-03-11 17:00"),
    ("Day 3", "2026-03-12 09:00", "2026-03-12 13:00"),
]


def add(client, data):
    return client.post(reverse("workshop_sessions:add"), data, follow=True)


def test_a_trainer_plans_a_session_of_three_days(trainer_client, cohort):
    response = add(trainer_client, session_form(cohort, THREE_DAYS))

    assert response.status_code == 200
    session = Session.objects.get()
    assert session.cohort == cohort
    starts = [m.starts_at for m in session.meetings.order_by("starts_at")]
    # Entered in Sarajevo time (CET, UTC+1 in March), kept in UTC.
    assert starts[0] == datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    assert len(starts) == 3


def test_summer_time_is_respected(trainer_client, cohort):
    add(trainer_client, session_form(cohort, [("Day 1", "2026-07-01 09:00", "2026-07-01 17:00")]))

    assert Meeting.objects.get().starts_at == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)


def test_a_meeting_that_ends_before_it_starts_is_refused(trainer_client, cohort):
    response = add(
        trainer_client, session_form(cohort, [("Day 1", "2026-03-10 17:00", "2026-03-10 09:00")])
    )

    assert "A meeting must end after it starts." in response.content.decode()
    assert not Session.objects.exists()


def test_overlapping_meetings_are_refused(trainer_client, cohort):
    response = add(
        trainer_client,
        session_form(
            cohort,
            [
                ("Day 1", "2026-03-10 09:00", "2026-03-10 17:00"),
                ("Day 1 afternoon", "2026-03-10 16:00", "2026-03-10 18:00"),
            ],
        ),
    )

    assert "Two meetings of this session overlap" in response.content.decode()
    assert not Session.objects.exists()


def test_a_meeting_overlapping_another_sessions_is_refused(trainer_client, cohort):
    add_session(
        cohort, title="Earlier", meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))]
    )

    response = add(trainer_client, session_form(cohort, THREE_DAYS))

    assert "overlaps one of another session" in response.content.decode()
    assert Session.objects.count() == 1


def test_a_session_needs_a_venue_or_an_online_link(trainer_client, cohort):
    response = add(trainer_client, session_form(cohort, THREE_DAYS, venue_name=""))

    assert "Give the venue, or the online link" in response.content.decode()
    assert not Session.objects.exists()


def test_more_learners_than_places_warns_but_saves(trainer_client, cohort, learners):
    response = add(trainer_client, session_form(cohort, THREE_DAYS, capacity=2))

    assert Session.objects.get().capacity == 2
    assert "has 3 learners but" in response.content.decode()


def test_pre_work_from_another_course_is_refused(trainer_client, cohort, other_cohort, trainer):
    other_cohort.trainers.add(trainer)
    foreign = ModulePage.objects.descendant_of(other_cohort.course).first()

    response = add(trainer_client, session_form(cohort, THREE_DAYS, pre_work=[foreign.pk]))

    assert "Pre-work must be part of the cohort" in response.content.decode()
    assert not Session.objects.exists()


def test_pre_work_from_the_cohorts_course_is_kept(trainer_client, cohort):
    module = ModulePage.objects.descendant_of(cohort.course).first()

    add(trainer_client, session_form(cohort, THREE_DAYS, pre_work=[module.pk]))

    assert list(Session.objects.get().pre_work.all()) == [Page.objects.get(pk=module.pk)]


def edit_form(session, meetings_data):
    data = session_form(session.cohort, [])
    for key in list(data):
        if key.startswith("meetings-"):
            del data[key]
    data.update(
        nested_form_data({"meetings": inline_formset(meetings_data, initial=len(meetings_data))})
    )
    return data


def test_a_meeting_with_attendance_cannot_be_deleted(trainer_client, cohort, learners, rule):
    session = add_session(
        cohort,
        meetings=[
            (sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17)),
            (sarajevo(2026, 3, 11, 9), sarajevo(2026, 3, 11, 17)),
        ],
    )
    first, second = session.meetings.order_by("starts_at")
    attendance_mark(
        meeting=first,
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT),
        source="roll_call",
    )
    times = {"label": "", "starts_at": "2026-03-10 09:00", "ends_at": "2026-03-10 17:00"}

    response = trainer_client.post(
        reverse("workshop_sessions:edit", args=[session.pk]),
        edit_form(
            session,
            [
                {"id": first.pk, **times, "DELETE": "1"},
                {
                    "id": second.pk,
                    **times,
                    "starts_at": "2026-03-11 09:00",
                    "ends_at": "2026-03-11 17:00",
                },
            ],
        ),
    )

    assert "it cannot be deleted" in response.content.decode()
    assert Meeting.objects.filter(pk=first.pk).exists()
    assert Attendance.objects.count() == 1


def test_moving_a_meeting_keeps_its_attendance_and_tells_the_learners(
    trainer_client, cohort, learners, rule, mailoutbox, django_capture_on_commit_callbacks
):
    session = add_session(cohort, meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))])
    meeting = session.meetings.get()
    attendance_mark(
        meeting=meeting,
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT),
        source="roll_call",
    )
    learners[1].preferred_language = "bs"
    learners[1].save()
    moved = {
        "id": meeting.pk,
        "label": "",
        "starts_at": "2026-03-17 09:00",
        "ends_at": "2026-03-17 17:00",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = trainer_client.post(
            reverse("workshop_sessions:edit", args=[session.pk]), edit_form(session, [moved])
        )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).day == 17
    assert Attendance.objects.get().meeting == meeting
    assert sorted(m.to[0] for m in mailoutbox) == sorted(learner.email for learner in learners)
    english = next(m for m in mailoutbox if m.to == [learners[0].email])
    assert "has moved" in english.subject and "March 17, 2026" in english.body
    assert "March 10, 2026" in english.body


def test_saving_without_moving_tells_nobody(
    trainer_client, cohort, learners, mailoutbox, django_capture_on_commit_callbacks
):
    session = add_session(cohort, meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))])
    meeting = session.meetings.get()
    same = {
        "id": meeting.pk,
        "label": "Day 1",
        "starts_at": "2026-03-10 09:00",
        "ends_at": "2026-03-10 17:00",
    }

    with django_capture_on_commit_callbacks(execute=True):
        trainer_client.post(
            reverse("workshop_sessions:edit", args=[session.pk]), edit_form(session, [same])
        )

    assert Meeting.objects.get().label == "Day 1"
    assert mailoutbox == []


def test_the_session_listing_shows_only_the_trainers_cohorts(trainer_client, cohort, other_cohort):
    add_session(
        cohort, title="Ours", meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))]
    )
    add_session(
        other_cohort,
        title="Theirs",
        meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))],
    )

    html = trainer_client.get(reverse("workshop_sessions:index")).content.decode()

    assert "Ours" in html and "Theirs" not in html
    assert "Posavina 2026" not in html  # nor in the cohort filter


def test_the_session_page_links_roll_call_sheet_and_register(trainer_client, cohort):
    session = add_session(cohort, meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))])
    meeting = session.meetings.get()

    html = trainer_client.get(
        reverse("workshop_sessions:inspect", args=[session.pk])
    ).content.decode()

    for url in (
        reverse("workshops:roll_call", args=[meeting.pk]),
        reverse("workshops_sheet", args=[meeting.pk]),
        reverse("workshops_scan_upload", args=[meeting.pk]),
        reverse("workshops_register", args=[cohort.pk]),
    ):
        assert url in html, url
