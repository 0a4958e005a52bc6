"""Erasure at the person's request: they ask, a site administrator approves or refuses with a
reason (audited); approval leaves nothing of the person in the database but the audit record,
while cohort statistics and the certificate register stay right."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from academy.accounts.erasure import (
    ErasureRefused,
    erasure_approve,
    erasure_refuse,
    erasure_request,
)
from academy.accounts.models import ErasureRequest, User
from assignments.models import Submission
from certificates.models import Certificate
from courses.models import Enrollment, StepProgress
from tests.factories import UserFactory

from .test_data_export import a_learning_life

pytestmark = pytest.mark.django_db

# Where the person may still be named after erasure: the audit record of the erasure itself.
AUDIT = {"accounts.erasurerequest"}


@pytest.fixture
def site_admin(db):
    return UserFactory(email="admin@lap.example", full_name="Site Admin", is_superuser=True)


def rows_naming(needle: str) -> set[str]:
    """The models whose rows anywhere in the database (a full dump) contain `needle`."""
    out = io.StringIO()
    call_command(
        "dumpdata", format="jsonl", stdout=out, exclude=["contenttypes", "auth.permission"]
    )
    return {
        line.split('"model": "', 1)[1].split('"', 1)[0]
        for line in out.getvalue().splitlines()
        if needle.lower() in line.lower()
    }


def test_after_erasure_only_the_audit_record_names_the_person(
    client, learner, other_learner, site_admin, django_capture_on_commit_callbacks
):
    a_learning_life(learner, django_capture_on_commit_callbacks, words="Amra's own words")
    a_learning_life(other_learner, django_capture_on_commit_callbacks, words="Milica's words")
    client.force_login(learner)
    email, name = learner.email, learner.full_name
    assert rows_naming(email) and rows_naming("Amra's own words")  # the dump does read them

    with django_capture_on_commit_callbacks(execute=True):
        erasure_approve(request=erasure_request(user=learner, reason="I left"), by=site_admin)

    assert rows_naming(email) <= AUDIT | {"wagtailcore.modellogentry"}
    assert rows_naming(name) <= AUDIT | {"wagtailcore.modellogentry"}
    assert rows_naming("Amra's own words") == set()
    assert "Milica's words" in str(Submission.objects.filter(learner=other_learner).first().text)
    erased = User.objects.get(pk=learner.pk)
    assert not erased.is_active and not erased.has_usable_password() and erased.erased_at
    # What others rely on stays: the cohort counts them, the register keeps the serial.
    assert Enrollment.objects.filter(learner=erased).count() == 2
    assert StepProgress.objects.filter(learner=erased, completed_at__isnull=False).exists()
    certificate = Certificate.objects.get(learner=erased)
    assert certificate.serial and certificate.learner_name == "" and not certificate.pdf
    verified = client.get(certificate.verification_path).content.decode()
    assert "Erased at the holder's request" in verified and certificate.serial in verified
    assert client.get("/en/my-learning/").status_code == 302  # their session is over


def test_the_erasure_log_entries_are_only_about_the_erasure(
    learner, site_admin, django_capture_on_commit_callbacks
):
    a_learning_life(learner, django_capture_on_commit_callbacks, words="Amra's own words")
    name = learner.full_name

    with django_capture_on_commit_callbacks(execute=True):
        erasure_approve(request=erasure_request(user=learner), by=site_admin)

    naming = ModelLogEntry.objects.filter(label__contains=name)
    assert {entry.action for entry in naming} <= {"accounts.erasure_approve"}


def test_a_learner_asks_from_the_profile_once_and_sees_a_refusal_with_its_reason(
    client, learner, site_admin
):
    client.force_login(learner)
    assert "Erase my account" in client.get("/en/accounts/profile/").content.decode()

    client.post("/en/accounts/erase/", {"reason": "I left the municipality"})  # not confirmed
    assert not ErasureRequest.objects.exists()
    client.post("/en/accounts/erase/", {"confirm": "yes"})
    client.post("/en/accounts/erase/", {"confirm": "yes"})  # a double submit
    assert ErasureRequest.objects.filter(user=learner).count() == 1

    with pytest.raises(ErasureRefused, match="Say why"):
        erasure_refuse(request=ErasureRequest.objects.get(), by=site_admin, reason=" ")
    erasure_refuse(
        request=ErasureRequest.objects.get(), by=site_admin, reason="Your certificate is disputed."
    )
    page = client.get("/en/accounts/erase/").content.decode()
    assert "Your last request was refused." in page and "Your certificate is disputed." in page
    assert User.objects.get(pk=learner.pk).is_active


def test_only_a_site_administrator_decides_and_a_decision_is_taken_once(
    client, learner, site_admin, django_capture_on_commit_callbacks
):
    erasure = erasure_request(user=learner)
    trainer = UserFactory(email="tarik@lap.example", is_staff=True)
    decide = reverse("erasure_decide", args=[erasure.pk])
    client.force_login(trainer)
    assert client.post(decide, {"approve": "1"}).status_code in (302, 403)
    assert User.objects.get(pk=learner.pk).erased_at is None

    client.force_login(site_admin)
    listing = client.get(reverse("erasure_requests:index")).content.decode()
    assert learner.full_name in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide, {"approve": "1"})
    assert response.status_code == 302
    again = client.post(decide, {"refuse": "1", "reason": "x"})
    assert again.status_code == 400 and "decided already" in again.content.decode()
    assert ErasureRequest.objects.get().status == ErasureRequest.Status.APPROVED


def test_sign_ups_never_confirmed_are_deleted_after_the_retention_period(settings, learner):
    from datetime import timedelta

    from django.utils import timezone

    from academy.accounts.services import unconfirmed_accounts_delete

    settings.UNCONFIRMED_ACCOUNT_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    stale = UserFactory(email="never@lap.example", is_active=False, date_joined=old)
    recent = UserFactory(email="yesterday@lap.example", is_active=False)
    deactivated_staff = UserFactory(email="staff@lap.example", is_active=False, is_staff=True)
    User.objects.filter(pk=deactivated_staff.pk).update(date_joined=old)
    User.objects.filter(pk=learner.pk).update(date_joined=old)  # confirmed long ago: active

    assert unconfirmed_accounts_delete() == 1

    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[recent.pk, deactivated_staff.pk, learner.pk]).count() == 3
