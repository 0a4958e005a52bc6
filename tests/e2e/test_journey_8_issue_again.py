"""Journey 8: revoked for cause means revoked. A certificate administrator bulk-issues the course:
the learner whose certificate was revoked is skipped, and the progress page says why. Only
"Issue again" on the revoked certificate, with a reason, gives them a new one; the old code still
verifies as revoked, the new one as valid."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS
from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_revoke
from courses.models import Enrollment
from tests.factories import UserFactory, completed_learners

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_only_issue_again_gives_a_revoked_learner_a_new_certificate(
    page, new_context, certified_course, admin_log_in, screenshot
):
    administrator = UserFactory(email="certificates@lap.example", group=CERTIFICATE_ADMINISTRATORS)
    [milica] = completed_learners(certified_course, 1)
    revoked = certificate_issue(learner=milica, course=certified_course, render=False)
    certificate_revoke(certificate=revoked, reason="Answers copied.", revoked_by=administrator)
    assert Enrollment.objects.get(learner=milica).is_completed
    admin_log_in(page, administrator)

    page.goto(reverse("certificates_bulk_issue"))
    page.get_by_label("Course").select_option(label=certified_course.title)
    page.get_by_role("button", name="Bulk issue").click()
    expect(page.get_by_text("1 of the skipped learners had their certificate")).to_be_visible()
    screenshot(page, "j8", "1-bulk-skips-the-revoked")
    assert Certificate.objects.filter(learner=milica).count() == 1

    page.goto(reverse("certificates_admin:inspect", args=[revoked.pk]))
    page.get_by_role("navigation", name="Actions").get_by_role("button").first.click()
    page.get_by_role("link", name="Issue again").click()
    page.get_by_role("button", name="Issue again").click()  # without a reason
    expect(page.get_by_text("This field is required.")).to_be_visible()
    assert Certificate.objects.filter(learner=milica).count() == 1
    page.get_by_label("Reason").fill("The appeal board cleared her.")
    page.get_by_role("button", name="Issue again").click()
    expect(page.get_by_text(f"{revoked.serial} stays revoked.")).to_be_visible()
    new = Certificate.objects.get(learner=milica, status=Certificate.Status.VALID)
    expect(
        page.get_by_text(f"Issued {new.serial}; {revoked.serial} stays revoked.")
    ).to_be_visible()
    screenshot(page, "j8", "2-issued-again")

    stranger = new_context("phone").new_page()
    stranger.goto(revoked.verification_path)
    expect(stranger.locator(".verdict")).to_contain_text("Revoked")
    stranger.goto(new.verification_path)
    expect(stranger.locator(".verdict")).to_contain_text("Valid")
