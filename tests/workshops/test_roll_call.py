"""Roll call on a phone: one form per meeting, a status and a note per learner, "mark everyone
present", no JavaScript; only the cohort's trainers reach it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, assign_trainer, make_course, make_trainer
from workshops.models import Attendance, AttendanceChange, AttendanceStatus
from workshops.services import status_of_kind

from .conftest import add_session, running_meeting

pytestmark = pytest.mark.django_db
Kind = AttendanceStatus.Kind


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def roll_call_url(meeting):
    return reverse("workshops:roll_call", args=[meeting.pk])


def test_the_roll_call_lists_the_cohorts_learners_with_the_statuses(
    trainer_client, cohort, learners, rule
):
    meeting = running_meeting(cohort)

    html = trainer_client.get(roll_call_url(meeting)).content.decode()

    for learner in learners:
        assert learner.full_name in html
    for label in ["Present", "Late", "Excused", "Absent"]:
        assert label in html
    assert "<script" not in html.split("<main", 1)[1]  # the form works without JavaScript


def test_saving_marks_each_chosen_status_and_note(trainer_client, cohort, learners, rule, trainer):
    meeting = running_meeting(cohort)
    late = status_of_kind(rule=rule, kind=Kind.LATE)
    excused = status_of_kind(rule=rule, kind=Kind.EXCUSED)

    response = trainer_client.post(
        roll_call_url(meeting),
        {
            f"status-{learners[0].pk}": late.pk,
            f"note-{learners[0].pk}": "Bus from Mostar was late",
            f"status-{learners[1].pk}": excused.pk,
        },
    )

    assert response.status_code == 302
    marks = {a.learner_id: (a.status, a.note) for a in Attendance.objects.all()}
    assert marks == {
        learners[0].pk: (late, "Bus from Mostar was late"),
        learners[1].pk: (excused, ""),
    }
    assert AttendanceChange.objects.filter(changed_by=trainer).count() == 2


def test_mark_everyone_present_leaves_existing_marks(trainer_client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    excused = status_of_kind(rule=rule, kind=Kind.EXCUSED)
    trainer_client.post(roll_call_url(meeting), {f"status-{learners[0].pk}": excused.pk})

    trainer_client.post(roll_call_url(meeting), {"everyone_present": "1"})

    kinds = dict(Attendance.objects.values_list("learner_id", "status__kind"))
    assert kinds == {
        learners[0].pk: "excused",
        learners[1].pk: "present",
        learners[2].pk: "present",
    }


def test_a_status_of_another_cohort_is_refused_and_nothing_saved(
    trainer_client, cohort, other_cohort, learners, rule
):
    from workshops.services import attendance_rule_for

    meeting = running_meeting(cohort)
    foreign = status_of_kind(rule=attendance_rule_for(cohort=other_cohort), kind=Kind.PRESENT)
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)

    response = trainer_client.post(
        roll_call_url(meeting),
        {f"status-{learners[0].pk}": present.pk, f"status-{learners[1].pk}": foreign.pk},
    )

    assert response.status_code == 400
    assert "Choose one of the listed statuses" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("value", ["abc", "", "999999"])
def test_a_made_up_status_is_refused(trainer_client, cohort, learners, rule, value):
    meeting = running_meeting(cohort)
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)
    data = {f"status-{learners[0].pk}": present.pk}
    if value:
        data[f"status-{learners[1].pk}"] = value

    response = trainer_client.post(roll_call_url(meeting), data)

    if value:
        assert response.status_code == 400
        assert not Attendance.objects.exists()
    else:
        assert Attendance.objects.count() == 1


def test_marking_someone_outside_the_cohort_is_refused(trainer_client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    stranger = UserFactory()
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)

    response = trainer_client.post(
        roll_call_url(meeting),
        {f"status-{learners[0].pk}": present.pk, f"status-{stranger.pk}": present.pk},
    )

    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_a_trainer_of_another_course_finds_no_such_meeting(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    outsider = assign_trainer(make_course(modules=1, lessons_per_module=1, slug="elsewhere"))
    client.force_login(outsider)
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)

    for response in (
        client.get(roll_call_url(meeting)),
        client.post(roll_call_url(meeting), {f"status-{learners[0].pk}": present.pk}),
        client.get(reverse("workshops:check_in_code", args=[meeting.pk])),
    ):
        assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_learner_cannot_take_the_roll_call(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    client.force_login(learners[0])
    present = status_of_kind(rule=rule, kind=Kind.PRESENT)

    response = client.post(roll_call_url(meeting), {f"status-{learners[0].pk}": present.pk})

    assert response.status_code in (403, 404)
    assert not Attendance.objects.exists()


def test_a_trainer_without_the_permission_is_refused(client, cohort, learners, rule):
    meeting = running_meeting(cohort)
    lone = make_trainer()
    lone.groups.clear()
    cohort.trainers.add(lone)
    client.force_login(lone)

    assert client.get(roll_call_url(meeting)).status_code == 403


def test_the_check_in_code_page_shows_a_qr_code_and_refreshes_itself(
    trainer_client, cohort, learners, rule
):
    meeting = running_meeting(cohort)

    response = trainer_client.get(reverse("workshops:check_in_code", args=[meeting.pk]))

    html = response.content.decode()
    assert "<svg" in html and 'data-testid="check-in-code"' in html
    assert 1 <= int(response["Refresh"]) <= 30
    assert response["Cache-Control"] == "no-store"


def test_the_roll_call_page_queries_stay_flat_in_the_number_of_learners(
    trainer_client, cohort, workshop_course, rule, django_assert_max_num_queries
):
    from courses.models import Enrollment

    meeting = running_meeting(cohort)

    def add(count):
        for _ in range(count):
            person = UserFactory()
            Enrollment.objects.create(learner=person, course=workshop_course, cohort=cohort)
            Attendance.objects.create(
                meeting=meeting,
                learner=person,
                status=status_of_kind(rule=rule, kind=Kind.PRESENT),
                source="roll_call",
            )

    add(2)
    trainer_client.get(roll_call_url(meeting))  # warm caches (session, permissions)
    with django_assert_max_num_queries(20) as small:
        trainer_client.get(roll_call_url(meeting))
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        trainer_client.get(roll_call_url(meeting))


def test_the_trainers_meetings_page_lists_today_and_the_recently_held(
    client, trainer, cohort, other_cohort
):
    now = timezone.now()
    add_session(
        cohort,
        title="Second session",
        meetings=[(now + timedelta(hours=1), now + timedelta(hours=4))],
    )
    add_session(
        cohort,
        title="First session",
        meetings=[(now - timedelta(days=21), now - timedelta(days=21) + timedelta(hours=3))],
    )
    add_session(
        cohort,
        title="Kick-off",
        meetings=[(now - timedelta(days=60), now - timedelta(days=60) + timedelta(hours=3))],
    )
    add_session(other_cohort, title="Not yours", meetings=[(now, now + timedelta(hours=2))])
    client.force_login(trainer)

    page = client.get(reverse("workshops:trainer_meetings")).content.decode()

    today, recent = page.split("Recently held")
    assert "Second session" in today
    assert "First session" in recent  # 21 days ago: its register can still be corrected
    assert "Kick-off" not in page  # older than 30 days
    assert "Not yours" not in page
