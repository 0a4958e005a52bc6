"""Reviewers return, comment and decide; the label follows the decision; every step is logged."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assessments.models import Assessment, AssessmentEvent, Label
from assessments.services import (
    assessment_decide,
    assessment_return,
    assessment_submit,
    ratings_save,
    review_comment,
)
from tests.assessments.conftest import (
    every_statement,
    fill_and_submit,
    make_cycle,
    make_reviewer,
    matrix_url,
)

pytestmark = pytest.mark.django_db


def actions(assessment):
    return list(assessment.events.values_list("action", "from_status", "to_status"))


def test_returned_for_changes_the_team_edits_and_submits_again(
    coordinator_client, assessment, reviewer
):
    fill_and_submit(assessment)

    assessment_return(assessment=assessment, reviewer=reviewer, comment="Add evidence for 6.")
    page = coordinator_client.get(matrix_url(assessment)).content.decode()
    edited = coordinator_client.post(
        matrix_url(assessment), {"score-6.1": "2", "justification-6.1": "Fixed"}
    )
    assessment_submit(assessment=assessment, user=assessment.coordinator)

    assert "Add evidence for 6." in page
    assert edited.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert actions(assessment) == [
        ("created", "", "draft"),
        ("submitted", "draft", "submitted"),
        ("returned", "submitted", "returned"),
        ("submitted", "returned", "submitted"),
    ]
    returned = assessment.events.get(action="returned")
    assert (returned.actor, returned.comment) == (reviewer, "Add evidence for 6.")


def test_returning_needs_a_comment(assessment, reviewer):
    fill_and_submit(assessment)

    with pytest.raises(ValidationError):
        assessment_return(assessment=assessment, reviewer=reviewer, comment="  ")

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED


def test_a_draft_cannot_be_returned_or_decided(assessment, reviewer, django_user_model):
    root = django_user_model.objects.create_superuser(email="root@lap.example", password="x")

    with pytest.raises(ValidationError):
        assessment_return(assessment=assessment, reviewer=root, comment="Why?")
    with pytest.raises(ValidationError):
        assessment_decide(assessment=assessment, reviewer=root, awarded=True, justification="x")

    assert not Label.objects.exists()


def test_awarding_the_label_records_its_period(assessment, reviewer):
    fill_and_submit(assessment)
    assessment.cycle.label_valid_years = 3
    assessment.cycle.save()

    assessment_decide(
        assessment=assessment,
        reviewer=reviewer,
        awarded=True,
        justification="Meets the benchmark.",
        today=datetime.date(2026, 12, 4),
    )

    label = Label.objects.get()
    assert (label.municipality, label.valid_from, label.valid_until) == (
        assessment.municipality,
        datetime.date(2026, 12, 4),
        datetime.date(2029, 12, 4),
    )
    assessment.refresh_from_db()
    assert assessment.decision == Assessment.Decision.AWARDED
    assert actions(assessment)[-1] == ("decided", "submitted", "decided")


def test_not_yet_records_no_label(assessment, reviewer):
    fill_and_submit(assessment)

    assessment_decide(
        assessment=assessment, reviewer=reviewer, awarded=False, justification="Principle 6."
    )

    assert not Label.objects.exists()
    assessment.refresh_from_db()
    assert assessment.decision == Assessment.Decision.NOT_YET


def test_a_decision_is_taken_once(assessment, reviewer):
    fill_and_submit(assessment)
    assessment_decide(assessment=assessment, reviewer=reviewer, awarded=True, justification="Yes")

    with pytest.raises(ValidationError):
        assessment_decide(
            assessment=assessment, reviewer=reviewer, awarded=False, justification="No"
        )

    assert Label.objects.count() == 1
    assert assessment.events.filter(action="decided").count() == 1


def test_a_reviewer_of_another_cycle_cannot_review(assessment):
    outsider = make_reviewer(make_cycle("ELoGE 2024", days_before=900, days_after=-700))
    fill_and_submit(assessment)

    with pytest.raises(PermissionDenied):
        assessment_return(assessment=assessment, reviewer=outsider, comment="Mine now")
    with pytest.raises(PermissionDenied):
        assessment_decide(assessment=assessment, reviewer=outsider, awarded=True, justification="x")
    with pytest.raises(PermissionDenied):
        review_comment(assessment=assessment, reviewer=outsider, principle_number=1, comment="x")

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert not Label.objects.exists()


def test_a_reviewer_comments_on_a_principle(assessment, reviewer):
    fill_and_submit(assessment)

    review_comment(
        assessment=assessment, reviewer=reviewer, principle_number=6, comment="Budget not online."
    )

    event = assessment.events.get(action=AssessmentEvent.Action.COMMENTED)
    assert (event.principle_number, event.comment, event.actor) == (
        6,
        "Budget not online.",
        reviewer,
    )


def test_a_double_submit_is_one_submission(assessment):
    ratings_save(assessment=assessment, user=assessment.coordinator, entries=every_statement())

    assessment_submit(assessment=assessment, user=assessment.coordinator)
    assessment_submit(assessment=assessment, user=assessment.coordinator)

    assert assessment.events.filter(action="submitted").count() == 1


def test_the_reviewer_returns_an_assessment_in_the_admin(client, assessment, reviewer):
    fill_and_submit(assessment)
    client.force_login(reviewer)

    inspect = client.get(reverse("assessments_admin:inspect", args=[assessment.pk]))
    empty = client.post(reverse("assessment_return", args=[assessment.pk]), {"comment": ""})
    done = client.post(
        reverse("assessment_return", args=[assessment.pk]), {"comment": "Evidence for 4.2"}
    )

    assert inspect.status_code == 200
    assert "Return for changes" in inspect.content.decode()
    assert empty.status_code == 400
    assert done.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.RETURNED


def test_the_reviewer_decides_in_the_admin_and_the_public_page_lists_the_label(
    client, assessment, reviewer
):
    fill_and_submit(assessment)
    client.force_login(reviewer)

    client.post(
        reverse("assessment_decide", args=[assessment.pk]),
        {"decision": "awarded", "justification": "All principles at 3."},
    )
    client.logout()
    page = client.get(reverse("assessments:label_holders"))

    assert Label.objects.filter(assessment=assessment).exists()
    assert "Općina Jablanica" in page.content.decode()


def test_expired_labels_are_not_listed(client, assessment, reviewer):
    fill_and_submit(assessment)
    assessment_decide(
        assessment=assessment,
        reviewer=reviewer,
        awarded=True,
        justification="Long ago",
        today=datetime.date(2015, 1, 1),
    )

    page = client.get(reverse("assessments:label_holders"))

    assert "Općina Jablanica" not in page.content.decode()


def test_a_municipalitys_public_page_shows_its_label_and_cohorts(client, assessment, reviewer):
    from courses.models import Cohort
    from tests.factories import make_course

    course = make_course(modules=1, title="LAP Stage 1")
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    cohort.organisations.add(assessment.municipality)
    fill_and_submit(assessment)
    assessment_decide(assessment=assessment, reviewer=reviewer, awarded=True, justification="Yes")

    html = client.get(
        reverse("assessments:municipality", args=[assessment.municipality_id])
    ).content.decode()

    assert "Holds the label since" in html
    assert "Hercegovina 2026" in html
    assert "LAP Stage 1" in html
    assert "Because." not in html  # nothing of the assessment itself


def test_a_municipality_page_of_a_cso_is_not_found(client):
    from tests.factories import OrganisationFactory

    cso = OrganisationFactory(name="LDA Mostar", kind="cso")

    assert client.get(reverse("assessments:municipality", args=[cso.pk])).status_code == 404


def test_the_team_reads_the_reviewers_comments_on_the_matrix(
    coordinator_client, assessment, reviewer
):
    fill_and_submit(assessment)
    review_comment(
        assessment=assessment, reviewer=reviewer, principle_number=6, comment="Budget not online."
    )

    html = coordinator_client.get(matrix_url(assessment)).content.decode()

    assert "Budget not online." in html
    assert 'href="#principle-6"' in html
