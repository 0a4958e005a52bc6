"""Who may set a cohort up in the admin: a trainer edits the cohorts of their own courses (and
those they train), for courses they train, offered once each as written; they never reach
another course's cohort, and only a course's trainers choose its cohorts' trainers."""

import re

import pytest
from django.urls import reverse

from academy.accounts.models import User
from courses.admin_views import CohortForm
from courses.models import Cohort
from courses.services import enrollment_create
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    assign_trainer,
    make_course,
    make_trainer,
)
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_a():
    return make_course(modules=1, lessons_per_module=1, title="Course A", slug="course-a")


@pytest.fixture
def course_b():
    return make_course(modules=1, lessons_per_module=1, title="Course B", slug="course-b")


@pytest.fixture
def trainer_a(course_a):
    return assign_trainer(course_a, make_trainer(email="trainer.a@lap.example"))


@pytest.fixture
def trainer_b(course_b):
    return assign_trainer(course_b, make_trainer(email="trainer.b@lap.example"))


@pytest.fixture
def cohort_b(course_b, trainer_b):
    cohort = Cohort.objects.create(course=course_b, name="Posavina 2026")
    cohort.trainers.add(trainer_b)
    return cohort


def edit_url(cohort):
    return reverse("cohorts:edit", args=[cohort.pk])


def form_data(cohort, **changes):
    return {
        "course": cohort.course_id,
        "name": cohort.name,
        "trainers": [trainer.pk for trainer in cohort.trainers.all()],
        "invitation_open": "on",
        **changes,
    }


def course_options(html):
    select = re.search(r'<select name="course"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


def test_a_trainer_cannot_open_or_save_the_cohort_of_another_course(
    client, trainer_a, trainer_b, cohort_b
):
    client.force_login(trainer_a)

    opened = client.get(edit_url(cohort_b))
    saved = client.post(
        edit_url(cohort_b), form_data(cohort_b, name="Mine", trainers=[trainer_a.pk])
    )

    assert opened.status_code == 404
    assert saved.status_code == 404
    cohort_b.refresh_from_db()
    assert cohort_b.name == "Posavina 2026"
    assert list(cohort_b.trainers.all()) == [trainer_b]
    # ...so course B's progress report stays closed to them.
    assert client.get(reverse("cohort_matrix", args=[cohort_b.pk])).status_code == 404


def test_the_cohort_form_offers_the_trainers_own_courses_once_as_written(
    client, course_a, course_b, trainer_a
):
    translate(course_a, "bs", title="Kurs A")
    cohort_a = Cohort.objects.create(course=course_a, name="Hercegovina 2026")
    cohort_a.trainers.add(trainer_a)
    client.force_login(trainer_a)

    page = client.get(edit_url(cohort_a)).content.decode()

    assert course_options(page) == ["---------", "Course A"]
    assert list(CohortForm(for_user=trainer_a).fields["course"].queryset) == [course_a]


def test_a_superuser_is_offered_every_course_once(client, course_a, course_b):
    translate(course_a, "bs", title="Kurs A")
    client.force_login(User.objects.create_superuser(email="root@lap.example", password="x"))

    page = client.get(reverse("cohorts:add")).content.decode()

    assert course_options(page) == ["---------", "Course A", "Course B"]


def test_a_cohort_cannot_be_created_or_moved_into_another_course(
    client, course_a, course_b, trainer_a
):
    cohort_a = Cohort.objects.create(course=course_a, name="Hercegovina 2026")
    cohort_a.trainers.add(trainer_a)
    client.force_login(trainer_a)

    moved = client.post(edit_url(cohort_a), form_data(cohort_a, course=course_b.pk))
    created = CohortForm(
        {"course": course_b.pk, "name": "Mine", "trainers": [trainer_a.pk]}, for_user=trainer_a
    )

    assert moved.status_code == 200
    assert "Select a valid choice" in moved.content.decode()
    assert Cohort.objects.get(pk=cohort_a.pk).course_id == course_a.pk
    assert not created.is_valid()
    assert "course" in created.errors


def test_a_trainer_of_the_cohort_only_cannot_change_its_trainers(
    client, trainer_a, trainer_b, cohort_b
):
    cohort_b.trainers.add(trainer_a)  # trains this cohort, not course B
    colleague = make_trainer(email="colleague@lap.example")
    client.force_login(trainer_a)

    response = client.post(
        edit_url(cohort_b),
        form_data(cohort_b, name="Posavina 2026 (autumn)", trainers=[trainer_a.pk, colleague.pk]),
    )

    assert response.status_code == 302
    cohort_b.refresh_from_db()
    assert cohort_b.name == "Posavina 2026 (autumn)"
    assert set(cohort_b.trainers.all()) == {trainer_a, trainer_b}


def test_a_trainer_of_the_course_chooses_its_cohorts_trainers(client, trainer_b, cohort_b):
    colleague = make_trainer(email="colleague@lap.example")
    client.force_login(trainer_b)

    response = client.post(edit_url(cohort_b), form_data(cohort_b, trainers=[colleague.pk]))

    assert response.status_code == 302
    assert list(Cohort.objects.get(pk=cohort_b.pk).trainers.all()) == [colleague]


def test_a_municipality_added_to_a_cohort_shows_no_mastery_from_other_courses(
    client, course_a, trainer_a, cohort_b, course_b
):
    maglaj = OrganisationFactory(name="Maglaj")
    enrollment_create(learner=UserFactory(organisation=maglaj), course=course_b)
    own = Cohort.objects.create(course=course_a, name="Hercegovina 2026")
    own.trainers.add(trainer_a)
    own.organisations.add(maglaj)  # allowed: trainers choose their cohort's municipalities
    client.force_login(trainer_a)

    response = client.get(reverse("organisation_mastery", args=[maglaj.pk]))

    assert response.status_code == 200
    assert response.context["learners"] == 0  # Maglaj's learner is only in course B
