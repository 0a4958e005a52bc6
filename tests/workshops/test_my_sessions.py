"""What a learner sees of their cohort's workshops: when and where, what to finish before,
and their attendance; in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonPage, ModulePage, StepProgress
from workshops.models import AttendanceStatus
from workshops.services import attendance_mark, status_of_kind

from .conftest import add_session

pytestmark = pytest.mark.django_db


def plan(cohort, *, sessions=1, meetings=3):
    now = timezone.now()
    made = []
    for n in range(sessions):
        start = now + timedelta(days=30 * n - 10)
        made.append(
            add_session(
                cohort,
                title=f"Session {n + 1}",
                map_url="https://maps.example/jablanica",
                meetings=[
                    (start + timedelta(days=d), start + timedelta(days=d, hours=6))
                    for d in range(meetings)
                ],
            )
        )
    return made


def test_a_learner_sees_their_sessions_pre_work_and_attendance(client, cohort, learners, rule):
    first, second = plan(cohort, sessions=2)
    module = ModulePage.objects.descendant_of(cohort.course).order_by("path").first()
    second.pre_work.add(module)
    second.save()  # a parental many-to-many is written on save
    lesson = LessonPage.objects.descendant_of(module).order_by("path").first()
    StepProgress.objects.create(learner=learners[0], step=lesson, completed_at=timezone.now())
    attendance_mark(
        meeting=first.meetings.order_by("starts_at").first(),
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.LATE),
        source="roll_call",
    )
    client.force_login(learners[0])

    html = client.get(reverse("workshops:my_sessions")).content.decode()

    assert "Session 1" in html and "Session 2" in html
    assert "Hotel Jablanica" in html and "https://maps.example/jablanica" in html
    assert module.title in html and "1 of 2 steps done" in html
    assert "Late" in html
    assert "attended 1 of 3 meetings held (16.7%)" in html


def test_someone_elses_cohort_is_not_shown(client, cohort, other_cohort, learners):
    add_session(other_cohort, title="Their secret session", meetings=[])
    client.force_login(learners[0])

    html = client.get(reverse("workshops:my_sessions")).content.decode()

    assert "Their secret session" not in html


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(reverse("workshops:my_sessions"))

    assert response.status_code == 302 and "login" in response["Location"]


def test_the_page_is_linked_from_the_site_menu(client, learners):
    client.force_login(learners[0])

    html = client.get(reverse("courses:my_learning")).content.decode()

    assert reverse("workshops:my_sessions") in html


def test_my_sessions_queries_stay_flat_in_sessions_meetings_and_pre_work(
    client, cohort, learners, rule, django_assert_max_num_queries
):
    client.force_login(learners[0])
    modules = list(ModulePage.objects.descendant_of(cohort.course))
    small = plan(cohort, sessions=1, meetings=1)
    small[0].pre_work.add(modules[0])
    small[0].save()
    client.get(reverse("workshops:my_sessions"))  # warm the course tree cache
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("workshops:my_sessions"))

    for session in plan(cohort, sessions=3, meetings=3):
        session.pre_work.add(*modules)
        session.save()
        for meeting in session.meetings.all():
            attendance_mark(
                meeting=meeting,
                learner_id=learners[0].pk,
                status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT),
                source="roll_call",
            )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("workshops:my_sessions"))


def test_my_learning_shows_the_next_session_its_pre_work_and_the_attendance_so_far(
    client, cohort, learners, rule
):
    held, coming = plan(cohort, sessions=2)  # the first began ten days ago, the next in twenty
    module = ModulePage.objects.descendant_of(cohort.course).order_by("path").first()
    coming.pre_work.add(module)
    coming.save()
    attendance_mark(
        meeting=held.meetings.order_by("starts_at").first(),
        learner_id=learners[0].pk,
        status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT),
        source="roll_call",
    )
    client.force_login(learners[0])

    html = client.get(reverse("courses:my_learning")).content.decode()

    assert "Next workshop session: Session 2" in html
    assert "Hotel Jablanica" in html and "https://maps.example/jablanica" in html
    assert module.title in html and "0 of 2 steps done" in html
    assert "you attended 1 of 3 meetings held (33.3%)" in html


def test_my_learning_says_nothing_of_workshops_to_a_learner_without_sessions(client, learners):
    client.force_login(learners[0])

    html = client.get(reverse("courses:my_learning")).content.decode()

    assert "workshop session" not in html.lower()


def test_my_learning_queries_stay_flat_in_sessions_and_meetings(
    client, cohort, learners, rule, django_assert_max_num_queries
):
    client.force_login(learners[0])
    plan(cohort, sessions=1, meetings=1)
    client.get(reverse("courses:my_learning"))  # warm the course tree cache
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("courses:my_learning"))

    plan(cohort, sessions=3, meetings=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("courses:my_learning"))
