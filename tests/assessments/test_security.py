"""Forged ids, other municipalities' assessments, other cycles' reviewers and private evidence:
each refused, with nothing changed."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Assessment, Evidence, Rating
from assessments.services import evidence_add
from tests.assessments.conftest import fill_and_submit, make_cycle, make_reviewer, matrix_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 minutes of the council\n%%EOF"


@pytest.fixture
def evidence(assessment):
    return evidence_add(
        assessment=assessment,
        user=assessment.coordinator,
        principle_number=5,
        statement=1,
        upload=SimpleUploadedFile("zapisnik.pdf", PDF),
    )


def test_a_coordinator_of_another_municipality_gets_nothing(client, assessment, other_coordinator):
    client.force_login(other_coordinator)

    pages = [
        client.get(matrix_url(assessment)),
        client.post(matrix_url(assessment), {"score-1.1": "4", "justification-1.1": "Mine"}),
        client.post(reverse("assessments:submit", args=[assessment.pk])),
        client.get(reverse("assessments:profile", args=[assessment.pk])),
        client.get(reverse("assessments:profile", args=[assessment.pk]) + "?export=csv"),
    ]

    assert [page.status_code for page in pages] == [404] * 5
    assert not Rating.objects.exists()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_a_colleague_outside_the_team_gets_nothing(client, assessment, jablanica):
    colleague = UserFactory(organisation=jablanica)
    client.force_login(colleague)

    assert client.get(matrix_url(assessment)).status_code == 404
    assert client.post(matrix_url(assessment), {"score-1.1": "4"}).status_code == 404
    assert not Rating.objects.exists()


def test_a_team_member_who_moved_to_another_municipality_loses_access(
    client, assessment, team_member, maglaj
):
    team_member.organisation = maglaj
    team_member.save()
    client.force_login(team_member)

    assert client.get(matrix_url(assessment)).status_code == 404


def test_a_forged_assessment_id_is_not_found(coordinator_client, assessment):
    missing = Assessment.objects.order_by("-pk").first().pk + 100

    assert coordinator_client.get(reverse("assessments:matrix", args=[missing])).status_code == 404
    assert coordinator_client.get(reverse("assessments:profile", args=[missing])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, assessment, evidence):
    for url in [
        matrix_url(assessment),
        reverse("assessments:profile", args=[assessment.pk]),
        reverse("assessments:evidence", args=[evidence.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_evidence_is_served_to_the_team_and_the_cycles_reviewers(
    client, assessment, evidence, team_member, reviewer
):
    fill_and_submit(assessment)
    url = reverse("assessments:evidence", args=[evidence.pk])

    for person in (assessment.coordinator, team_member, reviewer):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]


def test_evidence_is_not_served_to_other_people(
    client, assessment, evidence, other_coordinator, jablanica
):
    fill_and_submit(assessment)
    other_cycle_reviewer = make_reviewer(make_cycle("ELoGE 2030", days_before=-1000))
    url = reverse("assessments:evidence", args=[evidence.pk])

    for person in (other_coordinator, other_cycle_reviewer, UserFactory(organisation=jablanica)):
        client.force_login(person)
        assert client.get(url).status_code == 404, person


def test_a_reviewer_sees_no_evidence_of_a_draft(client, assessment, evidence, reviewer):
    client.force_login(reviewer)

    assert client.get(reverse("assessments:evidence", args=[evidence.pk])).status_code == 404


def test_evidence_is_stored_outside_the_public_media(evidence):
    stored = Path(evidence.file.path).resolve()

    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_a_reviewer_of_another_cycle_sees_nothing_in_the_admin(client, assessment):
    fill_and_submit(assessment)
    outsider = make_reviewer(make_cycle("ELoGE 2030", days_before=-1000))
    client.force_login(outsider)

    listing = client.get(reverse("assessments_admin:index"))
    inspect = client.get(reverse("assessments_admin:inspect", args=[assessment.pk]))
    decide = client.post(
        reverse("assessment_decide", args=[assessment.pk]),
        {"decision": "awarded", "justification": "Mine"},
    )

    assert "Općina Jablanica" not in listing.content.decode()
    assert inspect.status_code == 404
    assert decide.status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED


def test_reviewers_do_not_see_drafts(client, assessment, reviewer):
    client.force_login(reviewer)

    listing = client.get(reverse("assessments_admin:index"))

    assert listing.status_code == 200
    assert "Općina Jablanica" not in listing.content.decode()
    assert client.get(reverse("assessments_admin:inspect", args=[assessment.pk])).status_code == 404


def test_a_reviewer_cannot_edit_or_delete_an_assessment(client, assessment, reviewer):
    fill_and_submit(assessment)
    client.force_login(reviewer)

    edit = client.post(
        reverse("assessments_admin:edit", args=[assessment.pk]),
        {"cycle": assessment.cycle_id, "municipality": assessment.municipality_id},
    )
    delete = client.post(reverse("assessments_admin:delete", args=[assessment.pk]))

    assert edit.status_code in (302, 403) and "/admin/eloge/" not in edit.get("Location", "")
    assert delete.status_code in (302, 403)
    assert Assessment.objects.filter(pk=assessment.pk, status="submitted").exists()


def test_a_coordinator_from_outside_the_municipality_is_refused(cycle, maglaj, coordinator):
    from django.core.exceptions import ValidationError

    from assessments.services import assessment_open

    with pytest.raises(ValidationError):
        assessment_open(cycle=cycle, municipality=maglaj, coordinator=coordinator)
    assert not Assessment.objects.filter(municipality=maglaj).exists()


def test_evidence_of_one_assessment_cannot_be_attached_through_another(
    coordinator_client, assessment, other_assessment
):
    upload = SimpleUploadedFile("x.pdf", PDF)

    response = coordinator_client.post(
        matrix_url(other_assessment), {"file-1.1": upload, "score-1.1": "1"}
    )

    assert response.status_code == 404
    assert not Evidence.objects.exists()


PLANTED = "<script>alert('lap-xss')</script>"


def test_planted_script_in_a_justification_or_survey_comment_stays_text(
    client, assessment, django_user_model
):
    from assessments.services import RatingEntry, ratings_save, survey_respond

    ratings_save(
        assessment=assessment,
        user=assessment.coordinator,
        entries=[RatingEntry(1, 1, 2, PLANTED, f"javascript:alert(1) {PLANTED}")],
    )
    survey = assessment.surveys.get(audience="citizens")
    for _ in range(5):
        survey_respond(survey=survey, scores={1: 2}, comment=PLANTED, language="bs")
    root = django_user_model.objects.create_superuser(email="root@lap.example", password="x")

    client.force_login(assessment.coordinator)
    pages = [
        client.get(matrix_url(assessment)),
        client.get(reverse("assessments:profile", args=[assessment.pk])),
    ]
    client.force_login(root)
    pages.append(client.get(reverse("assessments_admin:inspect", args=[assessment.pk])))

    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert PLANTED not in html
        assert "&lt;script&gt;alert(&#x27;lap-xss&#x27;)&lt;/script&gt;" in html
        assert 'href="javascript:' not in html
