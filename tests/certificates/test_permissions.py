"""Who may do what: a PDF only to its owner and to certificate administrators (others: 404);
issuing, approving and revoking only to certificate administrators."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import BulkIssueJob, Certificate
from certificates.services import certificate_request, certificate_revoke
from tests.certificates.conftest import certified_course, complete, stored_pdf

pytestmark = pytest.mark.django_db


def pdf_url(certificate):
    return f"/en/certificates/{certificate.pk}/pdf/"


def download(client, user, certificate):
    client.force_login(user)
    return client.get(pdf_url(certificate))


def test_a_learner_downloads_their_own_pdf(client, issued):
    response = download(client, issued.learner, issued)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{issued.serial}.pdf"'
    assert b"".join(response.streaming_content) == stored_pdf(issued)
    entry = ModelLogEntry.objects.get(action="certificates.download", object_id=str(issued.pk))
    assert entry.user == issued.learner


def test_another_learner_cannot_download_it(client, issued, other_learner):
    response = download(client, other_learner, issued)

    assert response.status_code == 404
    assert not ModelLogEntry.objects.filter(action="certificates.download").exists()


def test_a_trainer_cannot_download_it(client, issued, trainer):
    assert download(client, trainer, issued).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, issued):
    response = client.get(pdf_url(issued))

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={pdf_url(issued)}"


@pytest.mark.parametrize("who", ["cert_admin", "superuser"])
def test_certificate_administrators_download_any_pdf(client, issued, who, request):
    response = download(client, request.getfixturevalue(who), issued)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored_pdf(issued)


def test_a_pdf_not_rendered_yet_is_not_found(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(pdf="", pdf_sha256="")

    assert download(client, issued.learner, issued).status_code == 404


def test_a_request_awaiting_approval_has_no_pdf(client, learner, template):
    course = certified_course(template, issuance="manual")
    complete(learner, course)
    request = certificate_request(learner=learner, course=course)

    assert download(client, learner, request).status_code == 404


# The administration actions


def action_urls(certificate, pending, course):
    return [
        (reverse("certificates_revoke", args=[certificate.pk]), {"reason": "No reason at all."}),
        (reverse("certificates_reissue", args=[certificate.pk]), {}),
        (reverse("certificates_approve", args=[pending.pk]), {}),
        (reverse("certificates_issue"), {"learner": pending.learner_id, "course": course.pk}),
        (reverse("certificates_bulk_issue"), {"course": course.pk}),
    ]


@pytest.fixture
def pending(template, other_learner):
    course = certified_course(template, issuance="manual", title="Ethics")
    complete(other_learner, course)
    return certificate_request(learner=other_learner, course=course)


@pytest.mark.parametrize("who", ["learner", "trainer"])
def test_learners_and_trainers_cannot_issue_approve_or_revoke(
    client, issued, pending, course, who, request, django_capture_on_commit_callbacks
):
    client.force_login(request.getfixturevalue(who))
    before = list(Certificate.objects.order_by("pk").values())

    with django_capture_on_commit_callbacks(execute=True):
        for url, data in action_urls(issued, pending, course):
            for response in (client.get(url), client.post(url, data)):
                # Wagtail sends learners to the admin's sign-in, and staff without the
                # permission to the admin's home with a message.
                assert response.status_code in (302, 403), url
                if response.status_code == 302:
                    assert response.url.split("?")[0] in ("/admin/login/", "/admin/"), url

    assert list(Certificate.objects.order_by("pk").values()) == before
    assert not BulkIssueJob.objects.exists()


def test_a_trainer_is_told_they_lack_permission(client, issued, trainer):
    client.force_login(trainer)

    response = client.post(
        reverse("certificates_revoke", args=[issued.pk]),
        {"reason": "I do not like it."},
        follow=True,
    )

    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.VALID


@pytest.mark.parametrize("who", ["learner", "trainer"])
def test_learners_and_trainers_cannot_open_the_register(client, issued, who, request):
    client.force_login(request.getfixturevalue(who))

    for url in (
        reverse("certificates_admin:index"),
        reverse("certificates_admin:inspect", args=[issued.pk]),
    ):
        response = client.get(url, follow=True)
        assert issued.serial not in response.content.decode(), url


# The learner's list of certificates


def test_my_certificates_lists_only_mine(client, issued, other_learner, course, issue):
    complete(other_learner, course)
    theirs = issue(other_learner, course)
    client.force_login(issued.learner)

    response = client.get("/en/my-certificates/")

    html = response.content.decode()
    assert response.status_code == 200
    assert issued.serial in html
    assert issued.display_code in html
    assert pdf_url(issued) in html
    assert theirs.serial not in html
    assert pdf_url(theirs) not in html


def test_my_certificates_shows_a_request_awaiting_approval(client, pending):
    client.force_login(pending.learner)

    html = client.get("/en/my-certificates/").content.decode()

    assert "Awaiting approval" in html
    assert "A certificate administrator will review it soon." in html
    assert pdf_url(pending) not in html


def test_my_certificates_say_what_the_verification_page_says(client, issued, cert_admin):
    Certificate.objects.filter(pk=issued.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(issued.learner)

    assert "this certificate was valid until" in client.get("/en/my-certificates/").content.decode()

    certificate_revoke(certificate=issued, reason="Issued by mistake.", revoked_by=cert_admin)
    html = client.get("/en/my-certificates/").content.decode()
    assert "this certificate was revoked on" in html
    assert "Issued by mistake." in html
    assert pdf_url(issued) not in html


def test_my_certificates_has_an_empty_state(learner_client):
    response = learner_client.get("/en/my-certificates/")

    assert response.status_code == 200
    assert "You have no certificates yet." in response.content.decode()


def test_my_certificates_needs_sign_in(client):
    response = client.get("/en/my-certificates/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
