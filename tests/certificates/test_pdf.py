"""The certificate PDF: the learner's name in either script, the course, the serial, the code and
the QR code of the verification page, in an embedded font; stored with its SHA-256."""

import hashlib

import pytest
from django.conf import settings
from reportlab.lib.pagesizes import A4, landscape
from wagtail.models import Locale

from certificates.pdf import render_pdf, verification_url
from tests.certificates.conftest import complete, pdf_reader, pdf_text, stored_pdf
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate_for(course, issue):
    """Issue the course's certificate to a new learner called `name`."""

    def issue_to(name):
        learner = UserFactory(full_name=name)
        complete(learner, course)
        return issue(learner, course)

    return issue_to


@pytest.mark.parametrize("name", ["Ivana Šarić", "Đorđe Čačić Žužić", "Милица Јовановић"])
def test_the_pdf_prints_the_name_in_latin_or_cyrillic_the_course_serial_and_code(
    certificate_for, name
):
    certificate = certificate_for(name)

    text = pdf_text(stored_pdf(certificate))

    assert name in text
    assert "Good Local Governance" in text
    assert certificate.serial in text
    assert certificate.display_code in text


def test_the_pdf_fills_in_the_template_text(issued):
    text = " ".join(pdf_text(stored_pdf(issued)).split())

    assert "Certificate of Completion" in text
    assert "This certifies that Amra Hodžić has completed Good Local Governance (12 hours)" in text
    assert "6. Openness and Transparency" in text
    assert "Council of Europe" in text
    assert "{" not in text


def test_a_learner_gets_the_template_in_their_language(course, issue, template):
    bosnian = template.copy_for_translation(Locale.objects.get(language_code="bs"))
    bosnian.title = "Potvrda o završetku"
    bosnian.body = "{learner} je završila kurs {course}."
    bosnian.save()
    learner = UserFactory(full_name="Ivana Šarić", preferred_language="bs")
    complete(learner, course)

    certificate = issue(learner, course)

    text = " ".join(pdf_text(stored_pdf(certificate)).split())
    assert certificate.language == "bs"
    assert "Potvrda o završetku" in text
    assert "Ivana Šarić je završila kurs Good Local Governance." in text
    assert "Certificate of Completion" not in text


def test_the_pdf_embeds_the_roboto_font(issued):
    [page] = pdf_reader(stored_pdf(issued)).pages

    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        # A subset of Roboto ("AAAAAA+Roboto-Regular") with the font file in the PDF.
        assert "Roboto" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_the_qr_code_encodes_the_public_verification_url(issued):
    url = verification_url(issued)

    assert url == settings.WAGTAILADMIN_BASE_URL + f"/verify/{issued.display_code}/"
    assert url in pdf_text(stored_pdf(issued))


@pytest.mark.parametrize(("orientation", "size"), [("landscape", landscape(A4)), ("portrait", A4)])
def test_the_page_is_a4_in_the_template_orientation(issued, template, orientation, size):
    template.orientation = orientation
    template.save()

    [page] = pdf_reader(render_pdf(issued)).pages

    width, height = size
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.01)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.01)


def test_the_stored_sha256_is_that_of_the_stored_file(issued):
    assert issued.pdf_sha256 == hashlib.sha256(stored_pdf(issued)).hexdigest()
    assert issued.serial in issued.pdf.name
