"""Journey 4: a learner completes the course, receives the certificate, downloads the PDF, opens
the verification URL printed with its QR code in a fresh browser, and sees "valid"; an
administrator revokes it and the same URL shows "revoked"."""

import re
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS
from certificates.models import Certificate
from certificates.pdf import verification_url
from courses.services import enrollment_create, step_complete
from tests.e2e.keyboard import open_menu
from tests.factories import UserFactory, lessons_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def revoke_in_admin(page, certificate, reason):
    page.goto("/admin/certificates/")
    expect(page.get_by_role("cell", name=certificate.serial)).to_be_visible()
    page.goto(reverse("certificates_admin:inspect", args=[certificate.pk]))
    page.get_by_role("navigation", name="Actions").get_by_role("button").first.click()
    page.get_by_role("link", name="Revoke").click()
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text(f"Certificate {certificate.serial} revoked.")).to_be_visible()


def test_a_learner_gets_a_certificate_that_verifies_until_it_is_revoked(
    page, new_context, learner, certified_course, log_in, admin_log_in, screenshot
):
    administrator = UserFactory(email="certificates@lap.example", group=CERTIFICATE_ADMINISTRATORS)
    first, last = lessons_of(certified_course)
    enrollment_create(learner=learner, course=certified_course)
    step_complete(learner=learner, course=certified_course, step=first)
    log_in(page, learner, next_path=last.url)

    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text(f"Congratulations! You have completed {certified_course.title}"))
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.status == "valid"
    assert any(certificate.serial in message.body for message in mail.outbox)

    open_menu(page)
    page.locator(".site-nav").get_by_role("link", name="Certificates").click()
    expect(page.get_by_text(certificate.serial).first).to_be_visible()
    screenshot(page, "j4", "1-my-certificates")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    # The QR code encodes verification_url(); the PDF prints the same URL under it.
    [printed_url] = re.findall(r"https?://\S+/verify/\S+/", pdf_text(pdf))
    assert printed_url == verification_url(certificate)

    stranger = new_context("phone").new_page()
    stranger.goto(printed_url)
    expect(stranger.locator(".verdict")).to_contain_text("Valid")
    expect(stranger.get_by_text(learner.full_name)).to_be_visible()
    screenshot(stranger, "j4", "2-verified-valid")

    admin_page = new_context("desktop").new_page()
    admin_log_in(admin_page, administrator)
    revoke_in_admin(admin_page, certificate, "Issued by mistake.")

    stranger.reload()
    expect(stranger.locator(".verdict")).to_contain_text("Revoked")
    expect(stranger.locator(".verdict")).to_contain_text("Issued by mistake.")
    screenshot(stranger, "j4", "3-verified-revoked")
