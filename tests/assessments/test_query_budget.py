"""The matrix, the profile and the survey page run a fixed number of queries, however many
statements are rated, documents attached, responses given or municipalities assessed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.services import assessment_open, evidence_add, survey_respond
from tests.assessments.conftest import fill_and_submit, matrix_url, survey_url
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

# Measured, kept tight: session and user (logged-in pages), the assessment with its cycle, the
# team check, the principles, the ratings and their documents, the surveys, reviewers' comments
# (matrix); the ratings, response counts, survey averages, previous cycle, comments and
# recommended courses and lessons (profile); the survey with its cycle and the principles
# (survey).
# survey: the survey, its principles, the cookie check and the introduction in the language.
BUDGET = {"matrix": 9, "profile": 12, "survey": 4}


def queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def more_municipalities(cycle, count):
    for n in range(count):
        organisation = OrganisationFactory(name=f"Općina Budžet {n}")
        coordinator = UserFactory(organisation=organisation)
        fill_and_submit(
            assessment_open(cycle=cycle, municipality=organisation, coordinator=coordinator)
        )


def test_the_matrix_costs_the_same_with_one_and_36_ratings(
    coordinator_client, assessment, django_assert_max_num_queries
):
    evidence_add(
        assessment=assessment,
        user=assessment.coordinator,
        principle_number=1,
        statement=1,
        upload=SimpleUploadedFile("plan.txt", b"Plan"),
    )
    small = queries(coordinator_client, matrix_url(assessment))
    for number in range(1, 13):
        evidence_add(
            assessment=assessment,
            user=assessment.coordinator,
            principle_number=number,
            statement=1,
            upload=SimpleUploadedFile(f"plan-{number}.txt", b"Plan"),
        )
    fill_and_submit(assessment)
    more_municipalities(assessment.cycle, 3)

    full = queries(coordinator_client, matrix_url(assessment))
    with django_assert_max_num_queries(BUDGET["matrix"]):
        coordinator_client.get(matrix_url(assessment))

    assert full == small


def test_the_profile_costs_the_same_with_few_and_many_responses(
    coordinator_client, assessment, django_assert_max_num_queries
):
    fill_and_submit(assessment)
    url = reverse("assessments:profile", args=[assessment.pk])

    def respond(count):
        for audience in ("citizens", "representatives", "staff"):
            survey = assessment.surveys.get(audience=audience)
            for n in range(count):
                survey_respond(
                    survey=survey,
                    scores=dict.fromkeys(range(1, 13), n % 5),
                    comment=f"Komentar {n}",
                    language="bs",
                )

    respond(5)
    few = queries(coordinator_client, url)
    respond(40)
    more_municipalities(assessment.cycle, 3)

    many = queries(coordinator_client, url)
    with django_assert_max_num_queries(BUDGET["profile"]):
        coordinator_client.get(url)

    assert many == few


def test_the_survey_page_costs_the_same_with_few_and_many_responses(
    client, assessment, django_assert_max_num_queries
):
    url = survey_url(assessment)
    few = queries(client, url)
    survey = assessment.surveys.get(audience="citizens")
    for _ in range(30):
        survey_respond(survey=survey, scores={1: 2}, comment="", language="bs")

    many = queries(client, url)
    with django_assert_max_num_queries(BUDGET["survey"]):
        client.get(url)

    assert many == few
