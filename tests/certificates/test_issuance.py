"""Issuing certificates: automatically on completion, with a minimum score, or on approval;
exactly once; with gapless serials; re-issued on a name correction; revoked with a reason."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, SerialCounter
from certificates.services import (
    NotEligible,
    certificate_issue,
    certificate_issue_again,
    certificate_reissue,
    certificate_request,
    certificate_revoke,
)
from certificates.tasks import award_missed_certificates, issue_on_completion
from courses.models import CoursePage, Enrollment
from courses.services import enrollment_create, step_complete
from quizzes.models import QuizPage
from tests.certificates.conftest import (
    certificate_emails,
    certified_course,
    complete,
    quiz_course,
    stored_pdf,
    take_quiz,
)
from tests.factories import UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db

YEAR = timezone.now().year


def serial(number):
    return f"LAP-{YEAR}-{number:06d}"


def log_actions(certificate):
    return list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Certificate),
            object_id=str(certificate.pk),
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


# Automatic issuance on completion


def test_completing_a_course_issues_one_certificate_with_its_pdf_and_an_email(
    learner, course, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)

    certificate = Certificate.objects.get(learner=learner, course=course)
    assert certificate.status == Certificate.Status.VALID
    assert certificate.serial == serial(1)
    assert certificate.issued_at is not None
    assert certificate.pdf_sha256
    assert stored_pdf(certificate).startswith(b"%PDF-")

    [email] = certificate_emails(mailoutbox)
    assert email.to == ["amra@lap.example"]
    assert "Good Local Governance" in email.subject
    assert "Amra Hodžić" in email.body
    assert "http://testserver" + certificate.verification_path in email.body
    [(filename, content, mimetype)] = email.attachments
    assert filename == f"{serial(1)}.pdf"
    assert mimetype == "application/pdf"
    assert content == stored_pdf(certificate)


def test_the_certificate_snapshots_what_it_certifies(learner, course, issue):
    complete(learner, course)
    certificate = issue(learner, course)

    assert certificate.learner_name == "Amra Hodžić"
    assert certificate.course_title == "Good Local Governance"
    assert certificate.hours == 12
    assert [p["number"] for p in certificate.principles] == [6, 9]
    assert certificate.principles[0]["name"] == "Openness and Transparency"
    assert certificate.score is None  # the course has no quizzes
    assert certificate.language == "en"
    assert certificate.expires_on is None


def test_a_rule_with_a_validity_period_sets_the_expiry_date(learner, template, issue):
    course = certified_course(template, valid_for_days=365)
    complete(learner, course)

    certificate = issue(learner, course)

    assert certificate.expires_on == timezone.localdate() + timedelta(days=365)


def test_completing_again_makes_no_second_certificate(
    learner, course, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course):
            step_complete(learner=learner, course=course, step=lesson)

    assert Certificate.objects.filter(learner=learner, course=course).count() == 1
    assert len(certificate_emails(mailoutbox)) == 1


def test_a_retried_task_makes_no_second_certificate(
    completed_learner, course, django_capture_on_commit_callbacks, mailoutbox
):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            issue_on_completion.delay(completed_learner.pk, course.pk)

    certificate = Certificate.objects.get(learner=completed_learner, course=course)
    assert certificate.serial == serial(1)
    assert SerialCounter.objects.get(year=YEAR).last_number == 1
    assert len(certificate_emails(mailoutbox)) == 1


def test_issuing_twice_returns_the_certificate_already_issued(completed_learner, course, issue):
    first = issue(completed_learner, course)
    second = issue(completed_learner, course)

    assert second.pk == first.pk
    assert second.serial == serial(1)
    assert Certificate.objects.count() == 1


def test_a_course_without_a_rule_awards_no_certificate(learner, django_capture_on_commit_callbacks):
    course = make_course(modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)

    assert not Certificate.objects.exists()
    with pytest.raises(NotEligible, match="does not award certificates"):
        certificate_issue(learner=learner, course=course)


# Eligibility, checked when the certificate is issued


def test_a_learner_who_has_not_completed_the_course_is_refused(learner, course):
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])

    with pytest.raises(NotEligible, match="has not completed this course"):
        certificate_issue(learner=learner, course=course)

    assert not Certificate.objects.exists()
    assert not SerialCounter.objects.filter(last_number__gt=0).exists()


def test_eligibility_is_checked_again_when_the_task_runs(
    completed_learner, course, django_capture_on_commit_callbacks
):
    # Completion was undone (e.g. by staff) between the signal and the task.
    Enrollment.objects.filter(learner=completed_learner, course=course).update(
        status=Enrollment.Status.ACTIVE, completed_at=None
    )

    with django_capture_on_commit_callbacks(execute=True):
        issue_on_completion.delay(completed_learner.pk, course.pk)

    assert not Certificate.objects.exists()


def test_a_learner_never_enrolled_is_refused(learner, course):
    with pytest.raises(NotEligible):
        certificate_issue(learner=learner, course=course)
    assert not Certificate.objects.exists()


# Minimum average quiz score


@pytest.fixture
def scored_course(template):
    """A course with one quiz of two questions (pass mark 50%) and a 60% minimum score."""
    return quiz_course(template, issuance="min_score", min_average_score=60)


def complete_with_quiz(learner, course, *, correct):
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    quiz = QuizPage.objects.descendant_of(course).get()
    return take_quiz(learner, quiz, correct=correct)


def test_a_score_below_the_minimum_gets_no_certificate(
    learner, scored_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attempt = complete_with_quiz(learner, scored_course, correct=1)

    assert attempt.percent == Decimal("50.00")
    assert attempt.passed  # the course is completed...
    assert Enrollment.objects.get(learner=learner, course=scored_course).is_completed
    assert not Certificate.objects.exists()  # ...but the certificate needs 60%
    with pytest.raises(NotEligible, match="below the required 60%"):
        certificate_issue(learner=learner, course=scored_course)
    assert not Certificate.objects.exists()


def test_a_score_above_the_minimum_gets_a_certificate_with_the_score(
    learner, scored_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_with_quiz(learner, scored_course, correct=2)

    certificate = Certificate.objects.get(learner=learner, course=scored_course)
    assert certificate.status == Certificate.Status.VALID
    assert certificate.score == Decimal("100.00")


def test_a_retake_that_lifts_the_average_to_the_minimum_issues_the_certificate(
    learner, scored_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attempt = complete_with_quiz(learner, scored_course, correct=1)
    assert not Certificate.objects.exists()  # 50%, the minimum is 60%

    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(learner, attempt.quiz, correct=2)

    certificate = Certificate.objects.get(learner=learner, course=scored_course)
    assert (certificate.status, certificate.score) == (Certificate.Status.VALID, Decimal("100.00"))


def test_a_better_score_does_not_bring_back_a_revoked_certificate(
    learner, scored_course, cert_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attempt = complete_with_quiz(learner, scored_course, correct=2)
    revoked = certificate_revoke(
        certificate=Certificate.objects.get(learner=learner),
        reason="Answers copied.",
        revoked_by=cert_admin,
    )

    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(learner, attempt.quiz, correct=2)

    assert list(Certificate.objects.filter(learner=learner)) == [revoked]


def test_a_quiz_result_before_completing_the_course_awards_nothing(
    learner, scored_course, django_capture_on_commit_callbacks
):
    enrollment_create(learner=learner, course=scored_course)
    with django_capture_on_commit_callbacks(execute=True):
        take_quiz(learner, QuizPage.objects.descendant_of(scored_course).get(), correct=2)

    assert not Enrollment.objects.get(learner=learner).is_completed
    assert not Certificate.objects.exists()


# Completions whose task was lost


def test_a_completion_whose_task_was_lost_is_awarded_within_the_hour(
    course, scored_course, cert_admin, django_capture_on_commit_callbacks
):
    def completed(name, course, *, ago, correct=None):
        learner = UserFactory(full_name=name)
        if correct is None:
            complete(learner, course)  # its task queued on commit, and lost: it never runs
        else:
            complete_with_quiz(learner, course, correct=correct)
        Enrollment.objects.filter(learner=learner).update(completed_at=timezone.now() - ago)
        return learner

    lost = completed("Lejla Lost", course, ago=timedelta(hours=1))
    completed("Nedim Now", course, ago=timedelta(minutes=1))  # its own task still has its turn
    completed("Omer Old", course, ago=timedelta(days=8))  # long ago: the administrators' to see
    completed("Sara Score", scored_course, ago=timedelta(hours=1), correct=1)  # 50% of 60%
    revoked = completed("Rada Revoked", course, ago=timedelta(hours=1))
    certificate_revoke(
        certificate=certificate_issue(learner=revoked, course=course),
        reason="Wrong course.",
        revoked_by=cert_admin,
    )

    with django_capture_on_commit_callbacks(execute=True):
        award_missed_certificates.delay()

    awarded = Certificate.objects.filter(status=Certificate.Status.VALID)
    assert list(awarded.values_list("learner", flat=True)) == [lost.pk]


def test_celery_beat_looks_for_missed_certificates_every_hour():
    schedule = settings.CELERY_BEAT_SCHEDULE["award-missed-certificates"]
    assert schedule["task"] == award_missed_certificates.name
    assert (schedule["schedule"].minute, len(schedule["schedule"].hour)) == ({30}, 24)


# Manual approval


@pytest.fixture
def manual_course(template):
    return certified_course(template, issuance="manual", title="Ethics in Local Government")


def test_a_manual_rule_creates_a_request_awaiting_approval(
    learner, manual_course, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, manual_course)

    request = Certificate.objects.get(learner=learner, course=manual_course)
    assert request.status == Certificate.Status.PENDING
    assert request.serial is None
    assert not request.pdf
    assert certificate_emails(mailoutbox) == []


def test_approving_a_request_issues_that_certificate(
    learner, manual_course, cert_admin, issue, mailoutbox
):
    complete(learner, manual_course)
    request = certificate_request(learner=learner, course=manual_course)

    certificate = issue(learner, manual_course, issued_by=cert_admin)

    assert certificate.pk == request.pk
    assert certificate.status == Certificate.Status.VALID
    assert certificate.serial == serial(1)
    assert certificate.issued_by == cert_admin
    assert certificate.pdf_sha256
    assert len(certificate_emails(mailoutbox)) == 1
    assert Certificate.objects.count() == 1


def test_requesting_twice_makes_one_request(learner, manual_course):
    complete(learner, manual_course)
    first = certificate_request(learner=learner, course=manual_course)
    second = certificate_request(learner=learner, course=manual_course)

    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


# Serial numbers


def test_serials_are_consecutive_without_gaps(course, issue):
    learners = [UserFactory() for _ in range(3)]
    for learner in learners:
        complete(learner, course)

    serials = [issue(learner, course).serial for learner in learners]

    assert serials == [serial(1), serial(2), serial(3)]


def test_a_rolled_back_issue_does_not_use_up_a_serial(course, issue):
    first, second = UserFactory(), UserFactory()
    complete(first, course)
    complete(second, course)

    with pytest.raises(RuntimeError), transaction.atomic():
        certificate_issue(learner=first, course=course)
        raise RuntimeError("the request failed after issuing")

    assert not Certificate.objects.exists()
    assert issue(second, course).serial == serial(1)
    assert issue(first, course).serial == serial(2)


# Re-issue after a name correction


def test_reissuing_after_a_name_correction_supersedes_the_old_certificate(
    issued, cert_admin, django_capture_on_commit_callbacks, mailoutbox
):
    learner = issued.learner
    learner.full_name = "Amra Hodžić-Kovačević"
    learner.save()

    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_reissue(certificate=issued, issued_by=cert_admin)

    old = Certificate.objects.get(pk=issued.pk)
    new.refresh_from_db()
    assert old.status == Certificate.Status.SUPERSEDED
    assert old.learner_name == "Amra Hodžić"
    assert old.serial == serial(1)
    assert new.status == Certificate.Status.VALID
    assert new.learner_name == "Amra Hodžić-Kovačević"
    assert new.serial == serial(2)
    assert new.replaces == old
    assert old.replaced_by == new
    assert new.code != old.code
    assert new.pdf_sha256 and new.pdf_sha256 != old.pdf_sha256
    assert certificate_emails(mailoutbox)[-1].attachments[0][0] == f"{serial(2)}.pdf"
    assert "certificates.supersede" in log_actions(old)


def test_a_certificate_can_be_corrected_after_its_course_stopped_awarding_them(
    issued, cert_admin, django_capture_on_commit_callbacks
):
    expires_on = timezone.localdate() + timedelta(days=300)
    Certificate.objects.filter(pk=issued.pk).update(expires_on=expires_on)
    issued.course.certificate_rule.delete()

    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_reissue(certificate=issued, issued_by=cert_admin)

    new.refresh_from_db()
    assert new.status == Certificate.Status.VALID
    assert new.template == issued.template
    assert new.expires_on == expires_on
    assert new.pdf_sha256


def test_only_a_valid_certificate_can_be_reissued(issued, cert_admin):
    certificate_revoke(certificate=issued, reason="Issued by mistake.", revoked_by=cert_admin)

    with pytest.raises(NotEligible, match="Only a valid certificate"):
        certificate_reissue(certificate=issued, issued_by=cert_admin)

    assert Certificate.objects.count() == 1


# Revocation


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoking_needs_a_reason(issued, cert_admin, reason):
    with pytest.raises(ValueError, match="Give a reason"):
        certificate_revoke(certificate=issued, reason=reason, revoked_by=cert_admin)

    issued.refresh_from_db()
    assert issued.status == Certificate.Status.VALID
    assert issued.revoked_at is None
    assert "certificates.revoke" not in log_actions(issued)


def test_revoking_records_the_reason_the_time_and_who(issued, cert_admin):
    before = timezone.now()
    certificate_revoke(
        certificate=issued, reason=" The course was not completed. ", revoked_by=cert_admin
    )

    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revocation_reason == "The course was not completed."
    assert before <= issued.revoked_at <= timezone.now()
    assert issued.revoked_by == cert_admin


def test_after_a_revocation_only_issuing_again_makes_a_new_one(issued, cert_admin, issue):
    certificate_revoke(certificate=issued, reason="Wrong course.", revoked_by=cert_admin)

    with pytest.raises(NotEligible, match="was revoked"):
        issue(issued.learner, issued.course, issued_by=cert_admin)
    again = certificate_issue_again(certificate=issued, reason="Appeal.", issued_by=cert_admin)

    assert again.pk != issued.pk
    assert again.serial == serial(2)


# Snapshots and history


def test_later_changes_to_the_course_and_the_name_do_not_alter_a_certificate(issued):
    course = CoursePage.objects.get(pk=issued.course_id)
    course.title = "Good Governance, revised"
    course.estimated_hours = 20
    course.save_revision().publish()
    issued.learner.full_name = "Someone Else"
    issued.learner.save()

    issued.refresh_from_db()
    assert issued.learner_name == "Amra Hodžić"
    assert issued.course_title == "Good Local Governance"
    assert issued.hours == 12


def test_issuing_and_revoking_are_in_the_audit_log(issued, cert_admin):
    certificate_revoke(certificate=issued, reason="Fraud.", revoked_by=cert_admin)

    assert log_actions(issued) == ["certificates.issue", "certificates.revoke"]
    entry = ModelLogEntry.objects.get(action="certificates.revoke", object_id=str(issued.pk))
    assert entry.user == cert_admin
    assert entry.data["reason"] == "Fraud."
