"""A cycle, two municipalities with their assessments, their teams, and reviewers."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from assessments.models import AssessmentCycle, Survey
from assessments.permissions import REVIEWERS
from assessments.services import RatingEntry, assessment_open, assessment_submit, ratings_save
from tests.factories import OrganisationFactory, UserFactory


def make_cycle(name="ELoGE 2026", *, days_before=10, days_after=60, **fields):
    today = timezone.localdate()
    return AssessmentCycle.objects.create(
        name=name,
        starts_on=today - datetime.timedelta(days=days_before),
        ends_on=today + datetime.timedelta(days=days_after),
        **fields,
    )


def make_reviewer(cycle=None, **fields):
    reviewer = UserFactory(**fields)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    if cycle:
        cycle.reviewers.add(reviewer)
    return reviewer


def introductions(*rows) -> dict:
    """The cycle form's survey introductions (language, text), as the admin's inline posts them."""
    fields = {
        "introductions-TOTAL_FORMS": str(len(rows)),
        "introductions-INITIAL_FORMS": "0",
        "introductions-MIN_NUM_FORMS": "0",
        "introductions-MAX_NUM_FORMS": "1000",
    }
    for index, (language, text) in enumerate(rows):
        fields |= {
            f"introductions-{index}-language": language,
            f"introductions-{index}-text": text,
            f"introductions-{index}-ORDER": str(index + 1),
            f"introductions-{index}-id": "",
            f"introductions-{index}-DELETE": "",
        }
    return fields


def every_statement(score=3, text="Decided in the council, minutes online."):
    return [
        RatingEntry(number, statement, score, text, "https://jablanica.example/odluke")
        for number in range(1, 13)
        for statement in range(1, 4)
    ]


def fill_and_submit(assessment, scores=None):
    """Rate every statement (`scores` by principle, else 3) and submit as the coordinator."""
    scores = scores or {}
    entries = [
        RatingEntry(number, statement, scores.get(number, 3), "Because.")
        for number in range(1, 13)
        for statement in range(1, 4)
    ]
    ratings_save(assessment=assessment, user=assessment.coordinator, entries=entries)
    return assessment_submit(assessment=assessment, user=assessment.coordinator)


def matrix_url(assessment):
    return reverse("assessments:matrix", args=[assessment.pk])


def survey_url(assessment, audience=Survey.Audience.CITIZENS):
    return reverse("assessments:survey", args=[assessment.surveys.get(audience=audience).token])


@pytest.fixture
def cycle(db):
    return make_cycle()


@pytest.fixture
def jablanica(db):
    return OrganisationFactory(name="Općina Jablanica")


@pytest.fixture
def maglaj(db):
    return OrganisationFactory(name="Općina Maglaj")


@pytest.fixture
def coordinator(jablanica):
    return UserFactory(email="koordinator@jablanica.example", organisation=jablanica)


@pytest.fixture
def team_member(jablanica):
    return UserFactory(email="tim@jablanica.example", organisation=jablanica)


@pytest.fixture
def assessment(cycle, jablanica, coordinator, team_member):
    assessment = assessment_open(cycle=cycle, municipality=jablanica, coordinator=coordinator)
    assessment.team.add(team_member)
    return assessment


@pytest.fixture
def other_coordinator(maglaj):
    return UserFactory(email="koordinator@maglaj.example", organisation=maglaj)


@pytest.fixture
def other_assessment(cycle, maglaj, other_coordinator):
    return assessment_open(cycle=cycle, municipality=maglaj, coordinator=other_coordinator)


@pytest.fixture
def reviewer(cycle):
    return make_reviewer(cycle, email="expert@lda.example")


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
