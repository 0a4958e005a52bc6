"""The printable sign-in sheet and the scanned signed sheet kept as private evidence."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import UserFactory, assign_trainer, make_course
from workshops.models import Meeting
from workshops.pdf import sign_in_sheet_pdf

from .conftest import add_session, sarajevo

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


@pytest.fixture
def meeting(cohort):
    session = add_session(
        cohort,
        title="Session 1 — Good Local Governance",
        meetings=[(sarajevo(2026, 3, 10, 9), sarajevo(2026, 3, 10, 17))],
    )
    return session.meetings.get()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_sheet_lists_every_learner_with_organisation_and_the_meeting(meeting, learners):
    text = pdf_text(sign_in_sheet_pdf(meeting=meeting))

    for name in ["Amra Hodžić", "Милица Јовановић", "Željko Šarić", "Općina Jablanica"]:
        assert name in text
    assert "Hercegovina 2026" in text and "Hotel Jablanica" in text
    assert "Signature" in text
    assert "9 a.m.-5 p.m." in text  # Sarajevo time, not UTC


def test_the_sheet_of_a_large_cohort_runs_over_pages(meeting, cohort, workshop_course):
    from courses.models import Enrollment

    for n in range(40):
        Enrollment.objects.create(
            learner=UserFactory(full_name=f"Učesnik {n:02d}"), course=workshop_course, cohort=cohort
        )

    reader = PdfReader(io.BytesIO(sign_in_sheet_pdf(meeting=meeting)))

    assert len(reader.pages) >= 2
    assert "Učesnik 39" in pdf_text(sign_in_sheet_pdf(meeting=meeting))


def test_a_name_with_markup_is_printed_as_written(meeting, cohort, workshop_course):
    from courses.models import Enrollment

    Enrollment.objects.create(
        learner=UserFactory(full_name="Ana <b>Kovač</b> & Co"),
        course=workshop_course,
        cohort=cohort,
    )

    assert "Ana <b>Kovač</b> & Co" in pdf_text(sign_in_sheet_pdf(meeting=meeting))


def test_a_trainer_downloads_the_sheet(client, trainer, meeting, learners):
    client.force_login(trainer)

    response = client.get(reverse("workshops_sheet", args=[meeting.pk]))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Amra Hodžić" in pdf_text(response.content)


def upload(client, meeting, name, content):
    return client.post(
        reverse("workshops_scan_upload", args=[meeting.pk]),
        {"scan": SimpleUploadedFile(name, content)},
    )


def test_a_scanned_sheet_is_kept_and_served_only_through_the_checked_view(
    client, trainer, meeting, settings
):
    client.force_login(trainer)

    response = upload(client, meeting, "sheet.pdf", PDF)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.scanned_sheet.name.startswith("workshops/sheets/")
    assert "sheet" not in meeting.scanned_sheet.name.rsplit("/", 1)[1]  # a random name
    # Not under the public media, whatever the web server serves there.
    assert not Path(meeting.scanned_sheet.path).is_relative_to(Path(settings.MEDIA_ROOT))
    download = client.get(reverse("workshops_scan_file", args=[meeting.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert "no-store" in download["Cache-Control"]
    assert "attachment" in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sheet.html", HTML, "as a PDF, PNG or JPEG"),
        ("sheet.pdf", HTML, "not a real PDF"),
        ("sheet.png", PDF, "not a real PNG"),
        ("sheet", PDF, "as a PDF, PNG or JPEG"),
        ("sheet.svg", b"<svg onload=alert(1)>", "as a PDF, PNG or JPEG"),
    ],
)
def test_a_file_that_is_not_a_scan_is_refused(client, trainer, meeting, name, content, message):
    client.force_login(trainer)

    response = upload(client, meeting, name, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.scanned_sheet


def test_a_scan_over_10_mb_is_refused(client, trainer, meeting):
    client.force_login(trainer)

    response = upload(client, meeting, "sheet.png", PNG + b"\0" * (10 * 1024 * 1024))

    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()


def test_a_refused_upload_keeps_the_scan_before(client, trainer, meeting):
    client.force_login(trainer)
    upload(client, meeting, "sheet.pdf", PDF)

    upload(client, meeting, "sheet.pdf", HTML)

    meeting.refresh_from_db()
    with meeting.scanned_sheet.open("rb") as handle:
        assert handle.read() == PDF


def test_no_one_else_gets_the_sheet_or_the_scan(client, trainer, meeting, learners):
    client.force_login(trainer)
    upload(client, meeting, "sheet.pdf", PDF)
    outsider = assign_trainer(make_course(modules=1, lessons_per_module=1, slug="elsewhere"))

    for person in (learners[0], outsider):
        client.force_login(person)
        for name in ("workshops_sheet", "workshops_scan_file", "workshops_scan_upload"):
            response = client.get(reverse(name, args=[meeting.pk]))
            assert response.status_code in (302, 403, 404), (person, name)
        response = upload(client, meeting, "other.pdf", PDF)
        assert response.status_code in (302, 403, 404)
    meeting.refresh_from_db()
    with meeting.scanned_sheet.open("rb") as handle:
        assert handle.read() == PDF
    assert Meeting.objects.count() == 1


def test_the_sheet_carries_the_projects_name_logo_and_funding_statement(meeting, learners):
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image
    from wagtail.models import Site

    from workshops.models import SignInSheetSettings

    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 20), "navy").save(buffer, "PNG")
    logo = Image.objects.create(title="EU", file=ImageFile(buffer, name="eu.png"))
    settings = SignInSheetSettings.for_site(Site.objects.get(is_default_site=True))
    settings.project_name = "Local Democracy in BiH"
    settings.funding_statement = "This project is funded by the European Union."
    settings.logo_1 = logo
    settings.save()

    data = sign_in_sheet_pdf(meeting=meeting)

    text = pdf_text(data)
    assert "Local Democracy in BiH" in text
    assert "funded by the European Union" in text
    assert PdfReader(io.BytesIO(data)).pages[0].images  # the logo
