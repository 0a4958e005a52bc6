"""Attendance in numbers: columns of the cohort progress report and its export, the register
with totals per organisation and kind, and the certificate's minimum attendance."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from academy.accounts.models import Organisation
from certificates.models import CertificateTemplate, CourseCertificateRule
from certificates.pdf import render_pdf
from certificates.services import certificate_issue, eligibility_problem
from courses.models import Enrollment
from courses.reports import cohort_matrix
from tests.certificates.conftest import pdf_text
from tests.factories import OrganisationFactory
from workshops.models import AttendanceStatus
from workshops.services import attendance_mark, status_of_kind

from .conftest import add_session

pytestmark = pytest.mark.django_db
Kind = AttendanceStatus.Kind


@pytest.fixture
def held_meetings(cohort, learners, rule):
    """Two meetings held: the first learner present at both, the second late then absent."""
    now = timezone.now()
    session = add_session(
        cohort,
        meetings=[
            (now - timedelta(days=2, hours=3), now - timedelta(days=2)),
            (now - timedelta(days=1, hours=3), now - timedelta(days=1)),
            (now + timedelta(days=20), now + timedelta(days=20, hours=3)),
        ],
    )
    first, second, _upcoming = session.meetings.order_by("starts_at")
    marks = [
        (first, learners[0], Kind.PRESENT),
        (second, learners[0], Kind.PRESENT),
        (first, learners[1], Kind.LATE),
        (second, learners[1], Kind.ABSENT),
    ]
    for meeting, learner, kind in marks:
        attendance_mark(
            meeting=meeting,
            learner_id=learner.pk,
            status=status_of_kind(rule=rule, kind=kind),
            source="roll_call",
        )
    return first, second


def test_the_progress_report_has_attendance_columns(cohort, learners, held_meetings):
    matrix = cohort_matrix(cohort=cohort)

    assert ("attendance_percent", "Attendance (%)") in [
        (key, str(label)) for key, label in matrix.extra_columns
    ]
    values = {row.learner_name: row.extra for row in matrix.rows}
    assert str(values["Amra Hodžić"]["attendance_percent"]) == "100.0"
    assert values["Amra Hodžić"]["attendance_meetings"] == "2/2"
    assert str(values["Милица Јовановић"]["attendance_percent"]) == "25.0"
    assert values["Милица Јовановић"]["attendance_meetings"] == "1/2"
    assert str(values["Željko Šarić"]["attendance_percent"]) == "0"


def test_a_cohort_without_meetings_held_has_no_attendance_columns(cohort, learners):
    keys = [key for key, _label in cohort_matrix(cohort=cohort).extra_columns]

    assert "attendance_percent" not in keys and "attendance_meetings" not in keys


def test_the_progress_export_carries_attendance(client, trainer, cohort, learners, held_meetings):
    client.force_login(trainer)

    csv = client.get(reverse("cohort_matrix", args=[cohort.pk]) + "?export=csv")

    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert "Attendance (%)" in text.splitlines()[0]
    assert "100.0" in text


def test_the_register_shows_every_mark_and_the_totals(
    client, trainer, cohort, learners, held_meetings
):
    client.force_login(trainer)

    html = client.get(reverse("workshops_register", args=[cohort.pk])).content.decode()

    assert "Amra Hodžić" in html and "Late" in html and "Absent" in html
    assert "Totals per organisation" in html and "Općina Jablanica" in html
    assert "Totals per kind of organisation" in html


def test_the_register_export_has_a_column_per_meeting(
    client, trainer, cohort, learners, held_meetings
):
    client.force_login(trainer)

    response = client.get(reverse("workshops_register", args=[cohort.pk]) + "?export=csv")

    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines[0].split(",")) == 5 + 3 + 2  # learner columns, 3 meetings, totals
    amra = next(line for line in lines if "Amra" in line)
    assert "Present,Present" in amra and amra.endswith("2/2,100.0")


def test_totals_per_organisation_and_kind_count_learner_meetings(cohort, learners, held_meetings):
    from workshops.selectors import cohort_register

    cso = OrganisationFactory(name="Udruženje Most", kind=Organisation.Kind.CSO)
    learners[2].organisation = cso
    learners[2].save()

    register = cohort_register(cohort=cohort)

    totals = {t.name: (t.learners, t.attended, t.possible) for t in register.by_organisation}
    assert totals == {"Općina Jablanica": (2, 3, 4), "Udruženje Most": (1, 0, 2)}
    assert {t.name: t.learners for t in register.by_kind} == {
        "Municipality": 2,
        "Civil-society organisation": 1,
    }


@pytest.fixture
def certificate_rule(workshop_course):
    return CourseCertificateRule.objects.create(
        course=workshop_course,
        template=CertificateTemplate.objects.get(title="Certificate of Completion"),
    )


def test_a_minimum_attendance_holds_the_certificate_back(
    cohort, learners, rule, held_meetings, certificate_rule
):
    rule.minimum_percent = 80
    rule.save()
    Enrollment.objects.filter(cohort=cohort).update(status=Enrollment.Status.COMPLETED)

    assert (
        eligibility_problem(learner=learners[0], course=cohort.course, rule=certificate_rule)
        is None
    )
    problem = eligibility_problem(learner=learners[1], course=cohort.course, rule=certificate_rule)
    assert "below the required 80%" in problem


def test_without_a_minimum_attendance_does_not_decide(
    cohort, learners, rule, held_meetings, certificate_rule
):
    Enrollment.objects.filter(cohort=cohort).update(status=Enrollment.Status.COMPLETED)

    assert (
        eligibility_problem(learner=learners[2], course=cohort.course, rule=certificate_rule)
        is None
    )


def test_an_excused_absence_can_bring_a_learner_over_the_minimum(
    cohort, learners, rule, held_meetings, certificate_rule
):
    rule.minimum_percent = 50
    rule.save()
    Enrollment.objects.filter(cohort=cohort).update(status=Enrollment.Status.COMPLETED)
    _first, second = held_meetings
    assert eligibility_problem(learner=learners[1], course=cohort.course, rule=certificate_rule)

    attendance_mark(
        meeting=second,
        learner_id=learners[1].pk,
        status=status_of_kind(rule=rule, kind=Kind.EXCUSED),
        source="roll_call",
    )

    assert (
        eligibility_problem(learner=learners[1], course=cohort.course, rule=certificate_rule)
        is None
    )


def test_a_template_asking_for_attendance_prints_and_verifies_it(
    client, cohort, learners, held_meetings, certificate_rule
):
    template = certificate_rule.template
    template.body = "{learner} completed {course} and {attendance}."
    template.full_clean()
    template.save()
    Enrollment.objects.filter(cohort=cohort).update(status=Enrollment.Status.COMPLETED)

    certificate = certificate_issue(learner=learners[1], course=cohort.course, render=False)

    assert certificate.facts == {"attendance": "attended 1 of 2 meetings"}
    assert "and attended 1 of 2 meetings." in pdf_text(render_pdf(certificate))
    page = client.get(certificate.verification_path).content.decode()
    assert "<dt>Attendance</dt><dd>attended 1 of 2 meetings</dd>" in page


def test_a_template_that_does_not_ask_states_no_attendance(
    cohort, learners, held_meetings, certificate_rule
):
    Enrollment.objects.filter(cohort=cohort).update(status=Enrollment.Status.COMPLETED)

    certificate = certificate_issue(learner=learners[0], course=cohort.course, render=False)

    assert certificate.facts == {}
    assert certificate.stated_facts == []


def test_an_unknown_placeholder_is_refused_and_attendance_is_offered():
    template = CertificateTemplate(title="T", body="{learner} {attendence}")

    with pytest.raises(ValidationError) as refused:
        template.full_clean(exclude=["locale", "translation_key"])

    assert "attendence" in str(refused.value)
    assert "{attendance}" in str(refused.value)
