"""Administrators open cycles and assessments in the Wagtail admin; listings filter and export."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from assessments.models import Assessment, AssessmentCycle
from tests.assessments.conftest import fill_and_submit, introductions

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser(email="admin@lap.example", password="x")
    )
    return client


def test_an_administrator_opens_a_cycle_with_its_scale_and_rule(admin_client):
    response = admin_client.post(
        reverse("assessment_cycles:add"),
        {
            "name": "ELoGE 2027",
            "starts_on": "2027-01-15",
            "ends_on": "2027-06-30",
            "scale_max": "5",
            "scale_labels": '["0", "1", "2", "3", "4", "5"]',
            "survey_intro": "",
            "label_min_overall": "3.5",
            "label_min_principle": "2.5",
            "label_valid_years": "2",
            "survey_min_responses": "10",
            "recommended_principles": "4",
            **introductions(),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    cycle = AssessmentCycle.objects.get(name="ELoGE 2027")
    assert (cycle.scale_max, str(cycle.label_min_overall), cycle.survey_min_responses) == (
        5,
        "3.50",
        10,
    )


def test_a_cycle_with_labels_that_do_not_fit_its_scale_is_refused(admin_client):
    response = admin_client.post(
        reverse("assessment_cycles:add"),
        {
            "name": "Broken",
            "starts_on": "2027-01-15",
            "ends_on": "2027-01-01",
            "scale_max": "4",
            "scale_labels": '["a", "b"]',
            "label_min_overall": "7",
            "label_min_principle": "2",
            "label_valid_years": "2",
            "survey_min_responses": "5",
            "recommended_principles": "3",
            **introductions(),
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "ends_on" in errors or "scale_labels" in errors
    assert not AssessmentCycle.objects.filter(name="Broken").exists()


def test_an_administrator_opens_an_assessment_with_its_three_surveys(
    admin_client, cycle, jablanica, coordinator
):
    response = admin_client.post(
        reverse("assessments_admin:add"),
        {"cycle": cycle.pk, "municipality": jablanica.pk, "coordinator": coordinator.pk},
    )

    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert sorted(assessment.surveys.values_list("audience", flat=True)) == [
        "citizens",
        "representatives",
        "staff",
    ]
    assert assessment.events.get().action == "created"


def test_team_members_from_another_municipality_are_refused(
    admin_client, cycle, jablanica, coordinator, other_coordinator
):
    response = admin_client.post(
        reverse("assessments_admin:add"),
        {
            "cycle": cycle.pk,
            "municipality": jablanica.pk,
            "coordinator": coordinator.pk,
            "team": [other_coordinator.pk],
        },
    )

    assert response.status_code == 200
    assert "Team members must belong to the municipality" in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_coordinator_of_another_municipality_is_refused(
    admin_client, cycle, jablanica, other_coordinator
):
    response = admin_client.post(
        reverse("assessments_admin:add"),
        {"cycle": cycle.pk, "municipality": jablanica.pk, "coordinator": other_coordinator.pk},
    )

    assert response.status_code == 200
    assert not Assessment.objects.exists()


def test_the_listing_filters_and_exports(admin_client, assessment, other_assessment):
    fill_and_submit(assessment)

    listing = admin_client.get(reverse("assessments_admin:index"), {"status": "submitted"})
    exported = admin_client.get(reverse("assessments_admin:index"), {"export": "csv"})

    html = listing.content.decode()
    assert "Općina Jablanica" in html
    assert "Općina Maglaj" not in html
    assert f'href="{reverse("assessments_admin:edit", args=[assessment.pk])}"' in html
    body = b"".join(exported.streaming_content).decode("utf-8-sig")
    assert "Općina Jablanica" in body
    assert "Općina Maglaj" in body


def test_the_inspect_page_shows_survey_links_ratings_and_history(admin_client, assessment):
    fill_and_submit(assessment)

    html = admin_client.get(reverse("assessments_admin:inspect", args=[assessment.pk])).content
    html = html.decode()

    token = assessment.surveys.get(audience="citizens").token
    assert token in html
    assert "Because." in html
    assert "Submitted" in html


def test_a_cohorts_trainer_sees_its_municipalities_profiles_beside_the_mastery_map(
    client, assessment, other_assessment, jablanica, maglaj
):
    from courses.models import Cohort
    from tests.factories import assign_trainer, make_course

    course = make_course(modules=1, title="LAP Stage 1")
    trainer = assign_trainer(course)
    cohort = Cohort.objects.create(
        course=course, name="Hercegovina 2026", starts_on=date.today() - timedelta(days=30)
    )
    cohort.trainers.add(trainer)
    cohort.organisations.add(jablanica, maglaj)
    fill_and_submit(assessment, scores={6: 1})  # Maglaj's stays a draft
    client.force_login(trainer)

    response = client.get(reverse("assessment_cohort_profiles", args=[cohort.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Općina Jablanica · ELoGE 2026" in html
    assert "Općina Maglaj" not in html  # a draft is the team's own
    assert "6. Openness and Transparency" in html
    assert "Mastery by principle" in html
    assert "At the cohort's start" in html
    assert "Because." not in html  # scores only: no justification or evidence


def test_the_scale_cannot_shrink_below_ratings_given(admin_client, assessment):
    fill_and_submit(assessment)  # ratings of 3
    cycle = assessment.cycle

    response = admin_client.post(
        reverse("assessment_cycles:edit", args=[cycle.pk]),
        {
            "name": cycle.name,
            "starts_on": cycle.starts_on.isoformat(),
            "ends_on": cycle.ends_on.isoformat(),
            "scale_max": "2",
            "scale_labels": "[]",
            "label_min_overall": "1",
            "label_min_principle": "1",
            "label_valid_years": "3",
            "survey_min_responses": "5",
            "recommended_principles": "3",
            **introductions(),
        },
    )

    assert response.status_code == 200
    assert "Ratings above this were given already" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.scale_max == 4


def test_the_cohort_page_leads_to_the_eloge_profiles(admin_client):
    from courses.models import Cohort
    from tests.factories import make_course

    cohort = Cohort.objects.create(course=make_course(modules=1), name="Hercegovina 2026")

    html = admin_client.get(reverse("cohorts:inspect", args=[cohort.pk])).content.decode()

    assert reverse("assessment_cohort_profiles", args=[cohort.pk]) in html
