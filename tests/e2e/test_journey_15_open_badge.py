"""Journey 15: a learner downloads their certificate as a signed Open Badges 3.0 credential;
a verifier uploads it and reads "Valid"; after an administrator revokes the certificate, the
same file reads "Not valid", revoked."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS
from certificates.keys import signing_key_create
from certificates.models import Certificate
from certificates.services import certificate_revoke
from courses.services import enrollment_create, step_complete
from tests.factories import UserFactory, lessons_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_credential_verifies_until_its_certificate_is_revoked(
    page, new_context, learner, certified_course, log_in, settings, tmp_path, screenshot
):
    settings.CREDENTIAL_KEYS_DIR = tmp_path / "credential-keys"
    signing_key_create()
    enrollment_create(learner=learner, course=certified_course)
    for lesson in lessons_of(certified_course):
        step_complete(learner=learner, course=certified_course, step=lesson)
    certificate = Certificate.objects.get(learner=learner)

    log_in(page, learner, next_path="/en/my-certificates/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download JSON").click()
    credential = download.value.path()

    verifier = new_context("desktop").new_page()
    verifier.goto(reverse("certificates:verify_credential"))
    verifier.get_by_label("Credential file").set_input_files(str(credential))
    verifier.get_by_role("button", name="Check the credential").click()
    expect(verifier.get_by_text("Valid", exact=True)).to_be_visible()
    expect(verifier.get_by_text("The proof holds")).to_be_visible()
    screenshot(verifier, "j15", "1-credential-valid")

    administrator = UserFactory(group=CERTIFICATE_ADMINISTRATORS)
    certificate_revoke(certificate=certificate, reason="Issued in error.", revoked_by=administrator)
    verifier.get_by_label("Credential file").set_input_files(str(credential))
    verifier.get_by_role("button", name="Check the credential").click()
    expect(verifier.get_by_text("Not valid", exact=True)).to_be_visible()
    expect(verifier.get_by_text("The credential was revoked")).to_be_visible()
