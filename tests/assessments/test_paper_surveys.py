"""Paper surveys: a CSV or XLSX file, previewed row by row, imported all or none."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from assessments.models import SurveyAnswer, SurveyResponse
from assessments.paper import PaperFileError, check_rows, read_table
from tests.assessments.conftest import fill_and_submit

pytestmark = pytest.mark.django_db

HEADING = ",".join(f"p{n}" for n in range(1, 13)) + ",comment\n"
GOOD = "3,3,2,,4,1,0,2,3,3,4,2,Bolje informisanje\n" + "2," * 12 + "\n"
BAD = "3,3,9,,4,1,0,2,3,3,4,2,Ocjena izvan skale\n"


def import_url(assessment, audience="citizens"):
    return reverse("assessment_survey_import", args=[assessment.surveys.get(audience=audience).pk])


@pytest.fixture
def reviewer_client(client, assessment, reviewer):
    fill_and_submit(assessment)
    client.force_login(reviewer)
    return client


def test_rows_are_checked_one_by_one():
    rows = check_rows(read_table((HEADING + GOOD + BAD).encode(), "paper.csv"), scale_max=4)

    assert [row.line for row in rows] == [2, 3, 4]
    assert rows[0].scores[4] is None and rows[0].scores[1] == 3
    assert rows[0].comment == "Bolje informisanje"
    assert rows[1].is_valid
    assert rows[2].errors == ["p3: 9 is not a rating from 0 to 4."]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"name,email\nx,y\n", "paper.csv", "missing: p1"),
        (b"\xff\xfe\x00garbage", "paper.csv", "UTF-8"),
        (b"not a zip", "paper.xlsx", "not an Excel"),
        (HEADING.encode(), "paper.csv", "no responses"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(data, name, message):
    with pytest.raises(PaperFileError, match=message):
        check_rows(read_table(data, name), scale_max=4)


def test_a_preview_with_a_bad_row_imports_nothing(reviewer_client, assessment):
    upload = SimpleUploadedFile("paper.csv", (HEADING + GOOD + BAD).encode())

    response = reviewer_client.post(import_url(assessment), {"file": upload})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing has been imported" in html
    assert "p3: 9 is not a rating from 0 to 4." in html
    assert "Import all responses" not in html
    assert not SurveyResponse.objects.exists()


def test_a_valid_file_is_previewed_then_imported_whole(reviewer_client, assessment):
    upload = SimpleUploadedFile("paper.csv", (HEADING + GOOD).encode())

    preview = reviewer_client.post(import_url(assessment), {"file": upload})
    assert "2 responses are ready to import." in preview.content.decode()
    assert not SurveyResponse.objects.exists()  # the preview imports nothing

    imported = reviewer_client.post(
        import_url(assessment), {"csv_text": preview.context["csv_text"], "confirm": "1"}
    )

    assert imported.status_code == 302
    responses = SurveyResponse.objects.filter(survey__audience="citizens", from_paper=True)
    assert responses.count() == 2
    assert SurveyAnswer.objects.filter(response__in=responses).count() == 11 + 12
    assert assessment.events.filter(action="imported").exists()


def test_a_tampered_confirmation_is_checked_again(reviewer_client, assessment):
    response = reviewer_client.post(
        import_url(assessment), {"csv_text": HEADING + BAD, "confirm": "1"}
    )

    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_an_xlsx_file_is_read(reviewer_client, assessment):
    workbook = Workbook()
    workbook.active.append([f"p{n}" for n in range(1, 13)] + ["comment"])
    workbook.active.append([4] * 12 + ["Sa papira"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = reviewer_client.post(
        import_url(assessment), {"file": SimpleUploadedFile("paper.xlsx", buffer.getvalue())}
    )

    assert response.status_code == 200
    assert "1 response is ready to import." in response.content.decode()


def test_a_wrong_file_type_gets_a_form_error(reviewer_client, assessment):
    response = reviewer_client.post(
        import_url(assessment), {"file": SimpleUploadedFile("paper.pdf", b"%PDF-1.4")}
    )

    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_team_member_or_outside_reviewer_cannot_import(client, assessment, other_coordinator):
    from tests.assessments.conftest import make_cycle, make_reviewer

    fill_and_submit(assessment)
    outsider = make_reviewer(make_cycle("ELoGE 2030", days_before=-1000))
    for person in (assessment.coordinator, other_coordinator, outsider):
        client.force_login(person)
        response = client.post(import_url(assessment), {"csv_text": HEADING + GOOD, "confirm": "1"})
        assert response.status_code in (302, 403, 404), person
    assert not SurveyResponse.objects.exists()
