"""Organisation summary and the mastery map of cohorts and organisations in the admin."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Cohort
from courses.services import cohort_join, step_complete
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    assign_trainer,
    lessons_of,
    make_course,
    make_trainer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    """A cohort with two learners from Žepče, one finished and one not, and a trainer."""
    course = make_course(modules=1, lessons_per_module=2)
    zepce = OrganisationFactory(name="Općina Žepče", place="Žepče")
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    cohort.organisations.add(zepce)
    done, started = UserFactory(organisation=zepce), UserFactory(organisation=zepce)
    for learner in (done, started):
        cohort_join(cohort=cohort, learner=learner)
    for lesson in lessons_of(course):
        step_complete(learner=done, course=course, step=lesson)
    cohort.trainers.add(trainer := assign_trainer(course))
    return cohort, zepce, trainer


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_organisation_summary_counts_learners_enrollments_and_completions(setting):
    _cohort, _zepce, trainer = setting
    client = client_for(trainer)
    page = client.get(reverse("organisation_summary"))
    assert page.status_code == 200
    assert "Općina Žepče" in page.content.decode()

    export = client.get(reverse("organisation_summary") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    header, zepce_row = rows[0], rows[1]
    assert header[:6] == ["Organisation", "Kind", "Place", "Learners", "Enrollments", "Completions"]
    assert zepce_row[3:6] == ["2", "2", "1"]
    assert header[6] == "Certificates"


def test_a_trainer_sees_only_organisations_of_their_cohorts(setting):
    OrganisationFactory(name="Grad Trebinje")
    response = client_for(make_trainer()).get(reverse("organisation_summary"))
    assert response.status_code == 200
    assert "Općina Žepče" not in response.content.decode()
    assert "No organisations yet" in response.content.decode()


def test_cohort_and_organisation_mastery_pages_draw_the_map(setting):
    cohort, zepce, trainer = setting
    client = client_for(trainer)
    for url in (
        reverse("cohort_mastery", args=[cohort.pk]),
        reverse("organisation_mastery", args=[zepce.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert '<svg class="mastery__chart"' in body
        assert "Based on 2 learners" in body


def test_another_trainer_cannot_open_the_cohort_mastery(setting):
    cohort, zepce, _trainer = setting
    client = client_for(make_trainer())
    assert client.get(reverse("cohort_mastery", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("organisation_mastery", args=[zepce.pk])).status_code == 404
