"""Revoked for cause means revoked: no bulk issue, automatic award, hourly catch-up, request or
issue form gives a learner whose certificate was revoked a new one. Only a certificate
administrator's "Issue again" on the revoked certificate does, with a reason kept in its
history. A corrected (superseded) certificate is not a revocation: its learner keeps the
correction."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import BulkIssueJob, Certificate
from certificates.services import (
    NotEligible,
    bulk_issue_chunk_lost,
    bulk_issue_run,
    bulk_issue_start,
    certificate_issue,
    certificate_issue_again,
    certificate_reissue,
    certificate_request,
    certificate_revoke,
)
from certificates.tasks import award_after_result, award_missed_certificates, issue_on_completion
from courses.models import Enrollment
from quizzes.models import QuizPage
from tests.certificates.conftest import certified_course, complete, quiz_course, take_quiz
from tests.factories import UserFactory, completed_learners

pytestmark = pytest.mark.django_db

REFUSED = "only “Issue again” on {serial}"


@pytest.fixture
def revoked(issued, cert_admin):
    """Amra's certificate for `course`, revoked for cause."""
    return certificate_revoke(
        certificate=issued, reason="Plagiarised assignment.", revoked_by=cert_admin
    )


def certificates_of(learner):
    return Certificate.objects.filter(learner=learner).order_by("pk")


def valid_certificates_of(learner):
    return certificates_of(learner).filter(status=Certificate.Status.VALID)


def issue_again_url(certificate):
    return reverse("certificates_issue_again", args=[certificate.pk])


def inspect_url(certificate):
    return reverse("certificates_admin:inspect", args=[certificate.pk])


# No path gives a revoked learner a new certificate


def test_bulk_issue_skips_a_revoked_learner_and_the_progress_page_says_why(
    cert_admin_client, revoked, course, django_capture_on_commit_callbacks
):
    newcomer = UserFactory()
    complete(newcomer, course)

    with django_capture_on_commit_callbacks(execute=True):
        response = cert_admin_client.post(reverse("certificates_bulk_issue"), {"course": course.pk})

    assert list(valid_certificates_of(revoked.learner)) == []
    assert valid_certificates_of(newcomer).count() == 1
    job = BulkIssueJob.objects.get()
    assert (job.issued, job.skipped, job.skipped_revoked, job.failed) == (1, 1, 1, 0)
    progress = cert_admin_client.get(response.url).content.decode()
    assert "2 of 2 learners processed: 1 issued, 1 skipped" in progress
    assert "1 of the skipped learners had their certificate for this course revoked" in progress
    assert "choose “Issue again”" in progress


def test_a_bulk_chunk_that_gives_up_does_not_count_a_revoked_learner_as_failed(
    revoked, course, django_capture_on_commit_callbacks
):
    (newcomer,) = completed_learners(course, 1)
    with django_capture_on_commit_callbacks():  # the chunk is lost: it never runs
        job = bulk_issue_start(course=course, requested_by=None)
        bulk_issue_run(job=job)
    job.refresh_from_db()

    bulk_issue_chunk_lost(
        job=job, run=job.run, index=0, learner_ids=[revoked.learner_id, newcomer.pk]
    )

    job.refresh_from_db()
    assert (job.failed, job.skipped, job.skipped_revoked) == (1, 1, 1)


def test_completing_the_course_again_awards_no_new_certificate(
    revoked, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issue_on_completion.delay(revoked.learner_id, course.pk)

    assert list(certificates_of(revoked.learner)) == [revoked]


def test_a_better_quiz_result_after_a_revocation_awards_no_new_certificate(
    learner, template, cert_admin, django_capture_on_commit_callbacks
):
    course = quiz_course(template, issuance="min_score", min_average_score=60)
    quiz = QuizPage.objects.descendant_of(course).get()
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
        take_quiz(learner, quiz, correct=2)
    certificate_revoke(
        certificate=Certificate.objects.get(learner=learner),
        reason="Answers shared.",
        revoked_by=cert_admin,
    )

    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(learner, quiz, correct=2)
        award_after_result.delay(learner.pk, course.pk)

    assert [c.status for c in certificates_of(learner)] == [Certificate.Status.REVOKED]


def test_the_hourly_catch_up_awards_no_new_certificate(revoked, django_capture_on_commit_callbacks):
    Enrollment.objects.filter(learner=revoked.learner).update(
        completed_at=timezone.now() - timedelta(hours=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        award_missed_certificates.delay()

    assert list(certificates_of(revoked.learner)) == [revoked]


def test_issuing_directly_is_refused_and_names_the_revoked_certificate(revoked, course):
    with pytest.raises(NotEligible, match=REFUSED.format(serial=revoked.serial)):
        certificate_issue(learner=revoked.learner, course=course)

    assert list(certificates_of(revoked.learner)) == [revoked]


def test_a_revoked_learner_cannot_ask_again_under_a_manual_rule(learner, template, cert_admin):
    course = certified_course(template, issuance="manual", title="Ethics in Local Government")
    complete(learner, course)
    request = certificate_request(learner=learner, course=course)
    certificate_revoke(certificate=request, reason="Not a member.", revoked_by=cert_admin)

    with pytest.raises(NotEligible, match="was revoked"):
        certificate_request(learner=learner, course=course)

    assert list(certificates_of(learner)) == [request]


def test_the_issue_form_refuses_a_revoked_learner_and_points_to_issue_again(
    cert_admin_client, revoked, course
):
    response = cert_admin_client.post(
        reverse("certificates_issue"), {"learner": revoked.learner_id, "course": course.pk}
    )

    assert response.status_code == 200
    assert REFUSED.format(serial=revoked.serial) in response.content.decode()
    assert list(certificates_of(revoked.learner)) == [revoked]


# Issue again: the administrator's explicit decision


def test_a_revoked_certificate_offers_issue_again_to_administrators(cert_admin_client, revoked):
    html = cert_admin_client.get(inspect_url(revoked)).content.decode()

    assert issue_again_url(revoked) in html
    assert "Issue again" in html


def test_issuing_again_with_a_reason_issues_one_valid_certificate_and_logs_why(
    cert_admin_client, cert_admin, revoked, django_capture_on_commit_callbacks, mailoutbox
):
    form = cert_admin_client.get(issue_again_url(revoked)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = cert_admin_client.post(
            issue_again_url(revoked), {"reason": "Appeal upheld by the board."}, follow=True
        )

    new = Certificate.objects.get(learner=revoked.learner, status=Certificate.Status.VALID)
    assert "Plagiarised assignment." in form
    assert response.redirect_chain[-1][0] == inspect_url(new)
    assert f"Issued {new.serial}; {revoked.serial} stays revoked." in response.content.decode()
    assert (new.replaces, new.issued_by) == (revoked, cert_admin)
    assert new.serial != revoked.serial and new.code != revoked.code
    assert new.pdf_sha256
    assert mailoutbox[-1].attachments[0][0] == f"{new.serial}.pdf"
    revoked.refresh_from_db()
    assert revoked.status == Certificate.Status.REVOKED
    entry = ModelLogEntry.objects.get(action="certificates.issue_again")
    assert (entry.object_id, entry.user) == (str(revoked.pk), cert_admin)
    assert entry.data == {"reason": "Appeal upheld by the board.", "serial": new.serial}
    history = cert_admin_client.get(reverse("certificates_admin:history", args=[revoked.pk]))
    assert f"Issued again as {new.serial}. Reason: Appeal upheld by the board." in (
        history.content.decode()
    )
    assert (
        issue_again_url(revoked) not in cert_admin_client.get(inspect_url(revoked)).content.decode()
    )


def test_issuing_again_without_a_reason_is_refused_and_changes_nothing(cert_admin_client, revoked):
    response = cert_admin_client.post(issue_again_url(revoked), {"reason": "   "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert list(certificates_of(revoked.learner)) == [revoked]
    assert not ModelLogEntry.objects.filter(action="certificates.issue_again").exists()


@pytest.mark.parametrize("who", ["learner", "trainer"])
def test_learners_and_trainers_cannot_issue_again(client, revoked, who, request):
    client.force_login(request.getfixturevalue(who))

    for response in (
        client.get(issue_again_url(revoked)),
        client.post(issue_again_url(revoked), {"reason": "I passed, honestly."}),
    ):
        # Wagtail sends learners to the admin's sign-in, and staff without the permission to
        # the admin's home with a message.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url.split("?")[0] in ("/admin/login/", "/admin/")

    assert list(certificates_of(revoked.learner)) == [revoked]


def test_submitting_issue_again_twice_gives_one_certificate(cert_admin_client, revoked):
    for _ in range(2):
        response = cert_admin_client.post(issue_again_url(revoked), {"reason": "Appeal upheld."})
        assert response.status_code == 302

    new = valid_certificates_of(revoked.learner).get()
    assert response.url == inspect_url(new)
    assert certificates_of(revoked.learner).count() == 2
    assert ModelLogEntry.objects.filter(action="certificates.issue_again").count() == 1


def test_only_a_revoked_certificate_can_be_issued_again(cert_admin_client, issued, cert_admin):
    response = cert_admin_client.post(issue_again_url(issued), {"reason": "Why not."})

    assert response.status_code == 404
    with pytest.raises(NotEligible, match="Only a revoked certificate"):
        certificate_issue_again(certificate=issued, reason="Why not.", issued_by=cert_admin)
    assert list(certificates_of(issued.learner)) == [issued]


def test_issuing_again_still_needs_the_course_completed(cert_admin_client, revoked):
    Enrollment.objects.filter(learner=revoked.learner).update(status="active", completed_at=None)

    response = cert_admin_client.post(issue_again_url(revoked), {"reason": "Appeal upheld."})

    assert "The learner has not completed this course." in response.content.decode()
    assert list(certificates_of(revoked.learner)) == [revoked]


def test_the_certificate_issued_again_revoked_in_turn_bars_the_learner_again(
    revoked, course, cert_admin
):
    again = certificate_issue_again(certificate=revoked, reason="Appeal.", issued_by=cert_admin)
    certificate_revoke(certificate=again, reason="Fraud, again.", revoked_by=cert_admin)

    with pytest.raises(NotEligible, match=REFUSED.format(serial=again.serial)):
        certificate_issue(learner=revoked.learner, course=course)
    with pytest.raises(NotEligible, match=f"already issued again, as {again.serial}"):
        certificate_issue_again(certificate=revoked, reason="Appeal.", issued_by=cert_admin)
    third = certificate_issue_again(
        certificate=again, reason="Second appeal.", issued_by=cert_admin
    )
    assert (third.status, third.replaces) == (Certificate.Status.VALID, again)


def test_verification_still_says_revoked_and_the_new_certificate_is_valid(
    client, revoked, cert_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_issue_again(certificate=revoked, reason="Appeal.", issued_by=cert_admin)

    old_page = client.get(revoked.verification_path).content.decode()
    new_page = client.get(new.verification_path).content.decode()

    assert "Revoked" in old_page and new.serial not in old_page
    assert "Valid" in new_page and "Revoked" not in new_page


# A correction is not a revocation


def test_the_learner_of_a_corrected_certificate_keeps_the_correction(
    cert_admin_client, issued, course, cert_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        corrected = certificate_reissue(certificate=issued, issued_by=cert_admin)
        cert_admin_client.post(reverse("certificates_bulk_issue"), {"course": course.pk})

    job = BulkIssueJob.objects.get()
    assert (job.issued, job.skipped, job.skipped_revoked) == (0, 1, 0)
    assert certificate_issue(learner=issued.learner, course=course) == corrected
    again = certificate_reissue(certificate=corrected, issued_by=cert_admin)
    assert list(valid_certificates_of(issued.learner)) == [again]
    assert (
        issue_again_url(issued) not in cert_admin_client.get(inspect_url(issued)).content.decode()
    )
