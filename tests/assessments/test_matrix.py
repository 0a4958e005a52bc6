"""The team fills in the matrix: drafts save, ratings stay on the cycle's scale, evidence is
checked, and the coordinator submits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.forms import EVIDENCE_MAX_BYTES
from assessments.models import Assessment, Evidence, Rating
from tests.assessments.conftest import every_statement, matrix_url

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def statement_fields(key, score="3", justification="Public hearings twice a year.", notes=""):
    return {f"score-{key}": score, f"justification-{key}": justification, f"evidence-{key}": notes}


def test_the_matrix_shows_the_36_statements_in_the_readers_language(coordinator_client, assessment):
    response = coordinator_client.get(matrix_url(assessment))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="justification-') == 36
    assert "Democratic Participation" in html
    assert "Citizens and civil society can take part in local decisions" in html


def test_a_team_member_saves_a_draft(client, team_member, assessment):
    client.force_login(team_member)

    response = client.post(
        matrix_url(assessment),
        {**statement_fields("1.1", "2"), **statement_fields("6.3", "4", notes="https://x.example")},
    )

    assert response.status_code == 302
    ratings = {r.key: r for r in Rating.objects.filter(assessment=assessment)}
    assert ratings["1.1"].score == 2
    assert ratings["6.3"].evidence_notes == "https://x.example"
    assert ratings["1.1"].updated_by == team_member


def test_saving_again_changes_the_draft(coordinator_client, assessment):
    coordinator_client.post(matrix_url(assessment), statement_fields("1.1", "2"))
    coordinator_client.post(matrix_url(assessment), statement_fields("1.1", "", "Not sure yet"))

    rating = Rating.objects.get(assessment=assessment, principle_number=1, statement=1)
    assert rating.score is None
    assert rating.justification == "Not sure yet"


@pytest.mark.parametrize("score", ["5", "-1", "three", "99999999999999999999"])
def test_a_rating_outside_the_scale_is_refused_and_nothing_is_saved(
    coordinator_client, assessment, score
):
    response = coordinator_client.post(
        matrix_url(assessment),
        {**statement_fields("1.1", "2"), **statement_fields("1.2", score, "Kept text")},
    )

    assert response.status_code == 400
    assert "Choose a rating from 0 to 4." in response.content.decode()
    assert "Kept text" in response.content.decode()  # what was typed comes back
    assert not Rating.objects.filter(assessment=assessment).exists()


def test_the_scale_is_the_cycles(coordinator_client, assessment):
    assessment.cycle.scale_max = 6
    assessment.cycle.scale_labels = [str(n) for n in range(7)]
    assessment.cycle.save()

    response = coordinator_client.post(matrix_url(assessment), statement_fields("1.1", "6"))

    assert response.status_code == 302
    assert Rating.objects.get(assessment=assessment).score == 6


@pytest.mark.parametrize("key", ["13.1", "1.4", "0.1", "1.1.1", "x"])
def test_a_statement_that_does_not_exist_is_refused(coordinator_client, assessment, key):
    response = coordinator_client.post(
        matrix_url(assessment), {**statement_fields("1.1"), **statement_fields(key)}
    )

    assert response.status_code == 400
    assert "There is no such outcome statement." in response.content.decode()
    assert not Rating.objects.filter(assessment=assessment).exists()


def test_evidence_is_uploaded_with_the_draft(coordinator_client, assessment):
    upload = SimpleUploadedFile("odluka-vijeća.pdf", PDF, content_type="application/pdf")

    response = coordinator_client.post(
        matrix_url(assessment), {**statement_fields("4.2"), "file-4.2": upload}
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.original_name == "odluka-vijeća.pdf"
    assert (evidence.rating.principle_number, evidence.rating.statement) == (4, 2)
    assert evidence.file.read() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "this type of file is not accepted"),
        ("fake.pdf", b"<html>not a pdf</html>", "is not a real PDF file"),
        ("empty.txt", b"", "is empty"),
        ("huge.pdf", b"%PDF-" + b"0" * EVIDENCE_MAX_BYTES, "is larger than 10 MB"),
    ],
)
def test_a_wrong_evidence_file_gets_a_clear_error_and_nothing_is_lost(
    coordinator_client, assessment, name, content, message
):
    coordinator_client.post(matrix_url(assessment), statement_fields("1.1", "1", "Saved before"))
    upload = SimpleUploadedFile(name, content)

    response = coordinator_client.post(
        matrix_url(assessment),
        {**statement_fields("1.1", "4", "Typed now"), "file-1.1": upload},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Typed now" in html  # the form keeps what was typed
    rating = Rating.objects.get(assessment=assessment)
    assert (rating.score, rating.justification) == (1, "Saved before")  # and the saved draft
    assert not Evidence.objects.exists()


def test_a_cut_multipart_body_is_refused_before_the_view(coordinator_client, assessment):
    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="score-1.1"\r\n\r\n3\r\n'
    ).encode()  # no closing boundary: the connection dropped

    response = coordinator_client.generic(
        "POST",
        matrix_url(assessment),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )

    assert response.status_code == 400
    assert not Rating.objects.exists()


def test_the_coordinator_submits_a_complete_assessment(coordinator_client, assessment):
    from assessments.services import ratings_save

    ratings_save(assessment=assessment, user=assessment.coordinator, entries=every_statement())

    response = coordinator_client.post(f"{matrix_url(assessment)}submit/")

    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert assessment.submitted_at is not None


def test_submitting_an_incomplete_assessment_names_the_missing_statements(
    coordinator_client, assessment
):
    coordinator_client.post(matrix_url(assessment), statement_fields("1.1"))

    response = coordinator_client.post(f"{matrix_url(assessment)}submit/")

    assert response.status_code == 400
    assert "missing: 1.2, 1.3, 2.1" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_a_team_member_cannot_submit(client, team_member, assessment):
    from assessments.services import ratings_save

    ratings_save(assessment=assessment, user=team_member, entries=every_statement())
    client.force_login(team_member)

    client.post(f"{matrix_url(assessment)}submit/")

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_a_submitted_assessment_is_read_only(coordinator_client, assessment):
    from tests.assessments.conftest import fill_and_submit

    fill_and_submit(assessment)

    page = coordinator_client.get(matrix_url(assessment)).content.decode()
    response = coordinator_client.post(
        matrix_url(assessment), statement_fields("1.1", "0", "Later")
    )

    assert 'name="score-1.1"' not in page
    assert "can no longer be changed" in page
    assert response.status_code == 409
    rating = Rating.objects.get(assessment=assessment, principle_number=1, statement=1)
    assert (rating.score, rating.justification) == (3, "Because.")


def test_an_evidence_upload_to_a_submitted_assessment_is_refused(coordinator_client, assessment):
    from tests.assessments.conftest import fill_and_submit

    fill_and_submit(assessment)
    upload = SimpleUploadedFile("late.pdf", PDF)

    response = coordinator_client.post(matrix_url(assessment), {"file-1.1": upload})

    assert response.status_code == 409
    assert not Evidence.objects.exists()


def test_the_matrix_works_in_serbian_cyrillic(coordinator_client, assessment):
    response = coordinator_client.get(f"/sr{matrix_url(assessment)[3:]}")

    assert response.status_code == 200
    assert 'lang="sr"' in response.content.decode()


def test_the_team_removes_a_document(
    coordinator_client, assessment, django_capture_on_commit_callbacks
):
    from assessments.services import evidence_add

    document = evidence_add(
        assessment=assessment,
        user=assessment.coordinator,
        principle_number=2,
        statement=1,
        upload=SimpleUploadedFile("wrong.pdf", PDF),
    )
    stored = document.file.path

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(matrix_url(assessment), {"remove": [document.pk]})

    assert response.status_code == 302
    assert not Evidence.objects.exists()
    from pathlib import Path

    assert not Path(stored).exists()


@pytest.mark.parametrize("forged", ["other", "missing", "text"])
def test_a_forged_document_to_remove_is_refused_and_nothing_is_removed(
    coordinator_client, assessment, other_assessment, forged
):
    from assessments.services import evidence_add

    own = evidence_add(
        assessment=assessment,
        user=assessment.coordinator,
        principle_number=2,
        statement=1,
        upload=SimpleUploadedFile("own.pdf", PDF),
    )
    theirs = evidence_add(
        assessment=other_assessment,
        user=other_assessment.coordinator,
        principle_number=2,
        statement=1,
        upload=SimpleUploadedFile("theirs.pdf", PDF),
    )
    value = {"other": theirs.pk, "missing": theirs.pk + 100, "text": "x"}[forged]

    response = coordinator_client.post(
        matrix_url(assessment), {"remove": [own.pk, value], **statement_fields("1.1")}
    )

    assert response.status_code == 400
    assert "There is no such document." in response.content.decode()
    assert set(Evidence.objects.values_list("pk", flat=True)) == {own.pk, theirs.pk}
    assert not Rating.objects.filter(assessment=assessment, principle_number=1).exists()


def test_the_team_finds_the_survey_links_to_share(client, team_member, assessment):
    client.force_login(team_member)

    html = client.get(matrix_url(assessment)).content.decode()

    for survey in assessment.surveys.all():
        assert f"http://testserver/en/eloge/survey/{survey.token}/" in html
