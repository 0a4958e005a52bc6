"""Admin forms and filters offer each course and quiz once, as written: enrollments, cohorts,
certificate rules and attempts point at the original, so a translation picked there would find
nothing. And a trainer's filters offer only their own cohorts and quizzes."""

import re

import pytest
from django.urls import reverse

from courses.models import Cohort, Enrollment
from tests.certificates.conftest import superuser  # noqa: F401 - shared fixture
from tests.factories import assign_trainer, make_course, make_trainer
from tests.i18n.conftest import version
from tests.quizzes.conftest import quiz_in_new_course, single_choice

pytestmark = pytest.mark.django_db

BOSNIAN_TITLE = "Dobro lokalno upravljanje"


def options(html, name):
    """The labels of a select's options."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


def test_issuing_offers_each_course_once_as_written(client, superuser, course):  # noqa: F811
    client.force_login(superuser)

    page = client.get(reverse("certificates_issue")).content.decode()

    assert options(page, "course").count("Good Local Governance") == 1
    assert BOSNIAN_TITLE not in page


def test_a_translation_posted_to_the_bulk_issue_is_refused_not_run_for_nobody(
    client,
    superuser,  # noqa: F811
    course,
):
    client.force_login(superuser)
    response = client.post(reverse("certificates_bulk_issue"), {"course": version(course, "bs").pk})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_filters_of_enrollments_cohorts_and_certificates_offer_each_course_once(
    client,
    superuser,  # noqa: F811
    course,
):
    client.force_login(superuser)
    for index in ("enrollments:index", "cohorts:index", "certificates_admin:index"):
        page = client.get(reverse(index)).content.decode()
        assert options(page, "course").count("Good Local Governance") == 1, index
        assert BOSNIAN_TITLE not in options(page, "course"), index


def test_a_trainer_filters_enrollments_by_their_own_cohorts_only(client, learner, course):
    trainer = assign_trainer(course)
    Cohort.objects.create(course=course, name="Hercegovina 2026")
    someone_elses = Cohort.objects.create(course=make_course(title="Ethics"), name="Posavina 2026")
    Enrollment.objects.create(learner=learner, course=someone_elses.course, cohort=someone_elses)
    client.force_login(trainer)

    page = client.get(reverse("enrollments:index")).content.decode()

    assert "Hercegovina 2026" in options(page, "cohort")
    assert "Posavina 2026" not in page


def test_a_trainer_filters_the_grading_queue_by_their_own_quizzes_only(client):
    trainer = make_trainer()
    own = quiz_in_new_course(questions=[single_choice()], title="Budget quiz")
    quiz_in_new_course(questions=[single_choice()], title="Procurement quiz")
    assign_trainer(own.get_parent().get_parent(), trainer)
    client.force_login(trainer)

    page = client.get(reverse("grading:index")).content.decode()

    assert options(page, "quiz") == ["---------", "Budget quiz"]


def test_another_trainers_cohort_forged_into_the_filter_shows_none_of_its_learners(
    client, learner, course
):
    trainer = assign_trainer(course)
    someone_elses = Cohort.objects.create(course=make_course(title="Ethics"), name="Posavina 2026")
    Enrollment.objects.create(learner=learner, course=someone_elses.course, cohort=someone_elses)
    client.force_login(trainer)

    response = client.get(reverse("enrollments:index"), {"cohort": someone_elses.pk})

    assert response.status_code == 200
    assert learner.full_name not in response.content.decode()


def test_certificate_rules_offer_each_course_once_as_written(client, superuser, course):  # noqa: F811
    client.force_login(superuser)

    page = client.get(reverse("certificate_rules:add")).content.decode()

    assert options(page, "course").count("Good Local Governance") == 1
    assert BOSNIAN_TITLE not in page


def test_an_enrollment_is_in_a_cohort_of_its_own_course(client, superuser, learner, course):  # noqa: F811
    other = Cohort.objects.create(course=make_course(title="Ethics"), name="Posavina 2026")
    client.force_login(superuser)

    response = client.post(
        reverse("enrollments:add"),
        {"learner": learner.pk, "course": course.pk, "cohort": other.pk, "status": "active"},
    )

    assert response.status_code == 200
    assert "This cohort takes another course." in response.content.decode()
    assert not Enrollment.objects.exists()
