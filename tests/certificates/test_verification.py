"""The public verification page: anyone with the code (or the QR code) sees whether a certificate
is valid and every field printed on it, and can check a PDF byte for byte. No personal data
beyond what is printed; guessing codes is rate-limited."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats, timezone

from certificates import codes
from certificates.forms import MAX_PDF_BYTES
from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_request, certificate_revoke
from certificates.views import VERIFY_LIMIT
from tests.certificates.conftest import certified_course, complete, stored_pdf
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def verify_url(code):
    return f"/verify/{code}/"


def page(response):
    return response.content.decode()


def local_date(moment):
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def test_a_valid_certificate_shows_every_printed_field_and_no_email(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(score=Decimal("92.00"))

    response = client.get(verify_url(issued.display_code))

    assert response.status_code == 200
    html = page(response)
    assert "<strong>Valid</strong>" in html
    for printed in [
        "Amra Hodžić",
        "Good Local Governance",
        local_date(issued.issued_at),
        "<dd>12</dd>",
        "92%",
        "6. Openness and Transparency, 9. Responsiveness",
        "Council of Europe, Local Democracy Agency Mostar",
        issued.serial,
        issued.display_code,
    ]:
        assert printed in html, printed
    assert "amra@lap.example" not in html
    assert "Revoked" not in html and "Expired" not in html


def test_the_issuers_shown_are_those_printed_not_the_templates_current_ones(
    client, issued, template
):
    template.issuers.filter(name="Council of Europe").update(name="Renamed Organisation")
    template.signatories.update(name="Someone Else")

    html = page(client.get(verify_url(issued.display_code)))

    assert "Council of Europe, Local Democracy Agency Mostar" in html
    assert issued.signatories and issued.signatories[0]["name"] in html
    assert "Renamed Organisation" not in html and "Someone Else" not in html


def test_a_revoked_certificate_says_so_with_the_date_and_the_reason(client, issued, cert_admin):
    certificate_revoke(
        certificate=issued, reason="The exam was taken by someone else.", revoked_by=cert_admin
    )
    issued.refresh_from_db()

    html = page(client.get(verify_url(issued.display_code)))

    assert "<strong>Revoked</strong>" in html
    assert f"revoked on {local_date(issued.revoked_at)}" in html
    assert "The exam was taken by someone else." in html
    assert "<strong>Valid</strong>" not in html
    assert "Ana Admin" not in html  # who revoked it is not public


def test_a_superseded_certificate_links_to_its_replacement(client, issued, cert_admin):
    new = certificate_reissue(certificate=issued, issued_by=cert_admin)

    html = page(client.get(verify_url(issued.display_code)))

    assert "<strong>Superseded</strong>" in html
    assert f'href="{verify_url(new.display_code)}"' in html
    assert new.serial in html
    assert "<strong>Valid</strong>" in page(client.get(verify_url(new.display_code)))


def test_an_expired_certificate_says_so(client, issued):
    yesterday = timezone.localdate() - timedelta(days=1)
    Certificate.objects.filter(pk=issued.pk).update(expires_on=yesterday)

    html = page(client.get(verify_url(issued.display_code)))

    assert "<strong>Expired</strong>" in html
    assert "<strong>Valid</strong>" not in html


def test_a_certificate_valid_until_a_future_date_is_valid(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(expires_on=timezone.localdate())

    html = page(client.get(verify_url(issued.display_code)))

    assert "<strong>Valid</strong>" in html
    assert "Valid until" in html


def test_an_unknown_code_is_not_found(client, issued):
    unknown = codes.display(codes.new_code())

    response = client.get(verify_url(unknown), follow=True)

    assert response.status_code == 404
    assert "No certificate has this code" in page(response)
    assert unknown in page(response)
    assert 'href="/verify/"' in page(response)  # try another code


def test_a_request_awaiting_approval_cannot_be_verified(client, learner, template):
    course = certified_course(template, issuance="manual")
    complete(learner, course)
    request = certificate_request(learner=learner, course=course)

    response = client.get(verify_url(request.display_code), follow=True)

    assert response.status_code == 404
    assert "No certificate has this code" in page(response)


def test_what_the_visitor_typed_is_shown_escaped(client):
    response = client.get(verify_url("<b>7KQ2"), follow=True)

    assert response.status_code == 404
    assert "&lt;b&gt;7KQ2" in page(response)
    assert "<b>7KQ2" not in page(response)


def test_a_code_typed_in_lower_case_without_dashes_is_found(client, issued):
    response = client.get(verify_url(issued.code.lower()))

    assert response.status_code == 200
    assert issued.serial in page(response)


# The form for typing a code


def test_the_form_sends_a_typed_code_to_its_page(client, issued):
    response = client.get("/verify/", {"code": f" {issued.code.lower()} "})

    assert response.status_code == 302
    assert response.url == verify_url(issued.display_code)


def test_the_empty_form_asks_for_a_code(client):
    response = client.get("/verify/")

    assert response.status_code == 200
    assert 'name="code"' in page(response)


def test_a_malformed_code_in_the_form_is_refused_with_a_message(client):
    response = client.get("/verify/", {"code": "12345"})

    assert response.status_code == 400
    assert "A code has 16 letters and digits" in page(response)
    assert 'value="12345"' in page(response)


# Checking a PDF byte for byte


def upload(data, name="certificate.pdf"):
    return {"pdf": SimpleUploadedFile(name, data, content_type="application/pdf")}


def test_the_issued_pdf_is_recognised(client, issued):
    response = client.post(verify_url(issued.display_code), upload(stored_pdf(issued)))

    assert response.status_code == 200
    assert "Yes: the file is byte for byte the PDF we issued." in page(response)


def test_a_pdf_with_one_byte_changed_is_reported_as_not_matching(client, issued):
    altered = bytearray(stored_pdf(issued))
    altered[len(altered) // 2] ^= 0x01

    response = client.post(verify_url(issued.display_code), upload(bytes(altered)))

    assert response.status_code == 200
    assert "No: this file is not the PDF we issued." in page(response)
    assert "Yes: the file" not in page(response)


def test_another_certificates_pdf_is_reported_as_not_matching(client, issued, course, issue):
    someone = UserFactory(full_name="Ivana Šarić")
    complete(someone, course)
    other = issue(someone, course)

    response = client.post(verify_url(issued.display_code), upload(stored_pdf(other)))

    assert "No: this file is not the PDF we issued." in page(response)


def test_a_file_that_is_not_a_pdf_is_refused(client, issued):
    response = client.post(
        verify_url(issued.display_code), upload(b"GIF89a not a pdf", name="photo.pdf")
    )

    assert response.status_code == 400
    assert "This file is not a PDF." in page(response)
    assert "byte for byte the PDF" not in page(response)


def test_a_file_over_10_mb_is_refused(client, issued):
    huge = b"%PDF-1.4\n" + b"0" * MAX_PDF_BYTES

    response = client.post(verify_url(issued.display_code), upload(huge))

    assert response.status_code == 400
    assert "The file is larger than 10 MB" in page(response)


def test_posting_no_file_is_refused(client, issued):
    response = client.post(verify_url(issued.display_code), {})

    assert response.status_code == 400
    assert "This field is required." in page(response)


# Rate limit


def test_look_ups_are_limited_to_30_a_minute_per_address(client, issued):
    for _ in range(30):
        assert client.get(verify_url(issued.display_code)).status_code == 200

    response = client.get(verify_url(issued.display_code))

    assert response.status_code == 429
    assert "Too many look-ups" in page(response)
    assert issued.serial not in page(response)
    other_address = client.get(verify_url(issued.display_code), REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 200


def test_guessing_unknown_codes_uses_up_the_limit(client, issued):
    for _ in range(VERIFY_LIMIT):
        client.get(verify_url(codes.display(codes.new_code())))

    assert client.get(verify_url(issued.display_code)).status_code == 429
