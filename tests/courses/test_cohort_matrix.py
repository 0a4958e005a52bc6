"""The cohort progress matrix: right numbers, fixed queries, filters, exports, permissions."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Cohort, Enrollment
from courses.reports import cohort_matrix
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
def cohort():
    course = make_course(modules=2, lessons_per_module=2)
    return Cohort.objects.create(course=course, name="Hercegovina 2026")


def add_learners(cohort, count, organisation=None, done=0):
    learners = []
    for _ in range(count):
        learner = UserFactory(organisation=organisation)
        cohort_join(cohort=cohort, learner=learner)
        for lesson in lessons_of(cohort.course)[:done]:
            step_complete(learner=learner, course=cohort.course, step=lesson)
        learners.append(learner)
    return learners


def test_each_learner_has_completion_per_module(cohort):
    (learner,) = add_learners(cohort, 1, done=3)
    matrix = cohort_matrix(cohort=cohort)
    row = matrix.rows[0]
    assert row.learner_id == learner.pk
    assert row.percent == 75
    assert [row.modules[key] for key, _title in matrix.module_columns] == [(2, 2), (1, 2)]
    assert ("certificate", "Certificate") in [(k, str(v)) for k, v in matrix.extra_columns]


def test_the_matrix_uses_the_same_queries_for_3_and_30_learners(cohort):
    add_learners(cohort, 3, done=1)
    with CaptureQueriesContext(connection) as small:
        cohort_matrix(cohort=cohort)
    add_learners(cohort, 27, done=2)
    with CaptureQueriesContext(connection) as large:
        matrix = cohort_matrix(cohort=cohort)
    assert len(matrix.rows) == 30
    assert len(large) == len(small)


def test_filters_and_sorting(cohort):
    jablanica = OrganisationFactory(name="Općina Jablanica")
    add_learners(cohort, 2, organisation=jablanica, done=4)
    add_learners(cohort, 3, done=1)
    only_jablanica = cohort_matrix(cohort=cohort, organisation_id=jablanica.pk)
    assert {row.organisation for row in only_jablanica.rows} == {"Općina Jablanica"}
    completed = cohort_matrix(cohort=cohort, status=Enrollment.Status.COMPLETED)
    assert len(completed.rows) == 2
    by_progress = cohort_matrix(cohort=cohort, order="-progress")
    assert [row.percent for row in by_progress.rows] == [100, 100, 25, 25, 25]


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_course_trainer_sees_the_report_and_exports_it_safely(cohort):
    trainer = assign_trainer(cohort.course)
    (learner,) = add_learners(cohort, 1, done=2)
    learner.full_name = "=HYPERLINK(evil)"
    learner.save()
    client = admin_client(trainer)
    url = reverse("cohort_matrix", args=[cohort.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "Module 1" in page.content.decode()

    export = client.get(url + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][:5] == ["Learner", "Email", "Organisation", "Status", "Progress (%)"]
    assert rows[1][0] == "'=HYPERLINK(evil)"  # neutralised, not a formula
    assert client.get(url + "?export=xlsx").status_code == 200


def test_other_trainers_and_learners_cannot_see_the_report(cohort, learner_client):
    url = reverse("cohort_matrix", args=[cohort.pk])
    assert admin_client(make_trainer()).get(url).status_code == 404
    assert learner_client.get(url).status_code in (302, 403)
