"""A cohort's attendance rule in the admin: statuses with points the trainer sets, added to and
renamed, but never two of a built-in kind nor one removed that attendance already uses."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from workshops.models import AttendanceRule, AttendanceStatus
from workshops.services import attendance_mark, status_of_kind

from .conftest import running_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def rule_form(rule, statuses, **fields):
    data = {
        "cohort": rule.cohort_id,
        "minimum_percent": "",
        "late_after_minutes": 15,
        "check_in_opens_minutes": 30,
        "statuses": inline_formset(statuses, initial=rule.statuses.count()),
        **fields,
    }
    return nested_form_data(data)


def current(rule):
    return [
        {"id": s.pk, "label": s.label, "kind": s.kind, "points": s.points, "ORDER": n}
        for n, s in enumerate(rule.statuses.order_by("sort_order"))
    ]


def edit(client, rule, data):
    return client.post(reverse("workshop_attendance_rules:edit", args=[rule.pk]), data)


def test_opening_the_rule_of_a_cohort_creates_it_with_the_defaults(trainer_client, cohort):
    response = trainer_client.post(reverse("workshops_rule", args=[cohort.pk]))

    rule = AttendanceRule.objects.get(cohort=cohort)
    assert response["Location"] == reverse("workshop_attendance_rules:edit", args=[rule.pk])
    assert rule.statuses.count() == 4


def test_a_trainer_changes_points_adds_a_status_and_sets_a_minimum(trainer_client, rule):
    statuses = current(rule)
    statuses[0]["points"] = 3
    statuses.append({"label": "Online", "kind": "other", "points": 2, "ORDER": 4})

    response = edit(trainer_client, rule, rule_form(rule, statuses, minimum_percent=80))

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.minimum_percent == 80
    assert dict(rule.statuses.values_list("label", "points"))["Online"] == 2
    assert rule.points_possible == 3


def test_two_statuses_of_a_built_in_kind_are_refused(trainer_client, rule):
    statuses = [*current(rule), {"label": "Here", "kind": "present", "points": 2, "ORDER": 4}]

    response = edit(trainer_client, rule, rule_form(rule, statuses))

    assert "Only one status may be of the kind" in response.content.decode()
    assert rule.statuses.count() == 4


def test_a_status_in_use_cannot_be_removed(trainer_client, cohort, learners, rule):
    excused = status_of_kind(rule=rule, kind=AttendanceStatus.Kind.EXCUSED)
    attendance_mark(
        meeting=running_meeting(cohort),
        learner_id=learners[0].pk,
        status=excused,
        source="roll_call",
    )
    statuses = current(rule)
    for status in statuses:
        if status["id"] == excused.pk:
            status["DELETE"] = "1"

    response = edit(trainer_client, rule, rule_form(rule, statuses))

    assert "is recorded in attendance already" in response.content.decode()
    assert AttendanceStatus.objects.filter(pk=excused.pk).exists()


@pytest.mark.parametrize("minimum", ["101", "-5", "abc"])
def test_a_minimum_outside_0_to_100_is_refused(trainer_client, rule, minimum):
    response = edit(trainer_client, rule, rule_form(rule, current(rule), minimum_percent=minimum))

    assert response.status_code == 200  # the form again, with the error
    rule.refresh_from_db()
    assert rule.minimum_percent is None
