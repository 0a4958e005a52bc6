"""Issuing, approving, correcting and revoking certificates. Idempotent: a retried task or two
administrators acting at once never make a second valid certificate."""

import hashlib
import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from academy.accounts.models import User
from academy.core.outbox import task_enqueue
from academy.core.task_options import RETRIED_ERRORS
from academy.governance.models import Principle
from courses.models import Enrollment
from courses.requirements import (
    certificate_fact_values,
    certificate_requirement_problem,
    course_score,
)
from courses.translations import localized, version_for

from .models import (
    PLACEHOLDER,
    BulkIssueJob,
    Certificate,
    CourseCertificateRule,
    SerialCounter,
)
from .selectors import (
    completions_awaiting_certificate,
    unanswered_revocations,
)

logger = logging.getLogger(__name__)

LIVE = [Certificate.Status.PENDING, Certificate.Status.VALID]


class NotEligible(PermissionDenied):
    """The learner does not (or no longer) meet the course's certificate rule."""


def eligibility_problem(*, learner, course, rule, issuing_again=None) -> str | None:
    """Why `learner` may not have a certificate for `course` now, or None if they may.

    Revoked for cause means revoked: while the learner has a revoked certificate for the course
    that no certificate follows (`replaces`), no issue, request, award or bulk issue gives them
    another. Only an administrator's "Issue again" on that certificate does
    (`certificate_issue_again`, which passes it as `issuing_again`)."""
    if rule is None:
        return _("This course does not award certificates.")
    revocations = unanswered_revocations().filter(learner=learner, course=course)
    if issuing_again is not None:
        revocations = revocations.exclude(pk=issuing_again.pk)
    if revoked := revocations.first():
        return _(
            "The learner's certificate %(serial)s for this course was revoked: only “Issue "
            "again” on %(serial)s (open it in the certificate register) gives them a new one."
        ) % {"serial": revoked}
    enrollment = Enrollment.objects.filter(learner=learner, course=course).first()
    if enrollment is None or not enrollment.is_completed:
        return _("The learner has not completed this course.")
    return certificate_requirement_problem(learner=learner, course=course, rule=rule)


def _rule(course):
    return CourseCertificateRule.objects.select_related("template").filter(course=course).first()


def _live(learner, course):
    return Certificate.objects.filter(learner=learner, course=course, status__in=LIVE).first()


def certificate_request(*, learner, course) -> Certificate:
    """Ask for a certificate that an administrator approves (manual rule). Idempotent."""
    existing = _live(learner, course)
    if existing:
        return existing
    rule = _rule(course)
    problem = eligibility_problem(learner=learner, course=course, rule=rule)
    if problem:
        raise NotEligible(problem)
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                learner=learner, course=course, template=rule.template
            )
    except IntegrityError:  # requested at the same moment elsewhere
        return _live(learner, course)


def certificate_award(*, learner, course) -> Certificate | None:
    """What completing `course` earns under its rule: the certificate issued (automatic, minimum
    score) or requested for approval (manual). Only to a learner who never had one for the
    course: a certificate revoked or corrected is the administrators' to manage. None when there
    is nothing to award, or not yet (not completed, the average below the minimum)."""
    if Certificate.objects.filter(learner=learner, course=course).exists():
        return None
    rule = _rule(course)
    if rule is None:
        return None
    try:
        if rule.issuance == CourseCertificateRule.Issuance.MANUAL:
            return certificate_request(learner=learner, course=course)
        return certificate_issue(learner=learner, course=course)
    except NotEligible:
        return None


# A completion's own task awards its certificate within seconds. Celery beat looks every hour
# for completions of the last week that still have none (their task lost: a broker restarted
# without persistence, a worker host that died holding it); the grace leaves the task its turn.
AWARD_CATCH_UP = timedelta(days=7)
AWARD_GRACE = timedelta(minutes=15)


def certificates_award_missed() -> int:
    """Queue the award of every recent completion still without a certificate (see
    `certificate_award`; those below a minimum score are looked at again, and get nothing).
    Returns how many were queued."""
    from .tasks import issue_on_completion

    now = timezone.now()
    missed = list(
        completions_awaiting_certificate()
        .filter(completed_at__range=(now - AWARD_CATCH_UP, now - AWARD_GRACE))
        .values_list("learner", "course")
    )
    for learner_id, course_id in missed:
        task_enqueue(issue_on_completion, learner_id, course_id)
    return len(missed)


def certificate_issue(*, learner, course, issued_by=None, render=True) -> Certificate:
    """Issue (or approve the pending request for) the learner's certificate for `course`; its
    PDF is rendered and sent by a task after the commit (`render=False`: the caller does it).

    Eligibility is checked again here, at issue time, with the learner's certificates for the
    course locked: a revocation committed meanwhile is seen (see `eligibility_problem`). Returns
    the existing valid certificate if there is one; a concurrent issue is resolved by the
    database constraint."""
    rule = _rule(course)
    with transaction.atomic():
        mine = _lock_certificates(learner, course)
        problem = eligibility_problem(learner=learner, course=course, rule=rule)
        if problem:
            raise NotEligible(problem)
        certificate = next((c for c in mine if c.status in LIVE), None)
        if certificate is not None and certificate.status == Certificate.Status.VALID:
            return certificate
        if certificate is None:
            certificate = Certificate(learner=learner, course=course, template=rule.template)
        try:
            with transaction.atomic():
                _make_valid(certificate, rule=rule, issued_by=issued_by, render=render)
        except IntegrityError:  # another worker or administrator issued it first
            return Certificate.objects.get(
                learner=learner, course=course, status=Certificate.Status.VALID
            )
    return certificate


def _lock_certificates(learner, course) -> list[Certificate]:
    """Every certificate of `learner` for `course`, locked until the transaction ends, always in
    the same order (two services locking them never wait for each other in a circle)."""
    return list(
        Certificate.objects.select_for_update()
        .filter(learner=learner, course=course)
        .order_by("pk")
    )


def certificate_issue_again(*, certificate: Certificate, reason: str, issued_by) -> Certificate:
    """An administrator's decision that the learner whose `certificate` was revoked may have one
    for the course again: a new valid certificate (new serial and code, PDF and email after the
    commit) that records the revoked one it follows in `replaces`; the revoked one stays revoked.
    The only way to a certificate after a revocation (see `eligibility_problem`); the learner
    must otherwise be eligible as usual. Logged on the revoked certificate with the reason.

    Idempotent: the learner's certificates are locked and a revoked certificate is followed by
    one certificate at most (`replaces` is unique), so a second submit returns the certificate
    the first issued."""
    reason = reason.strip()
    if not reason:
        raise ValueError(_("Give a reason for issuing the certificate again."))
    learner, course = certificate.learner, certificate.course
    rule = _rule(course)
    with transaction.atomic():
        mine = _lock_certificates(learner, course)
        revoked = next(c for c in mine if c.pk == certificate.pk)
        if revoked.status != Certificate.Status.REVOKED:
            raise NotEligible(_("Only a revoked certificate can be issued again."))
        follower = next((c for c in mine if c.replaces_id == revoked.pk), None)
        if follower is not None and follower.status == Certificate.Status.VALID:
            return follower  # submitted twice
        if follower is not None:
            raise NotEligible(
                _("%(serial)s was already issued again, as %(new)s.")
                % {"serial": revoked.serial, "new": follower.serial}
            )
        problem = eligibility_problem(
            learner=learner, course=course, rule=rule, issuing_again=revoked
        )
        if problem:
            raise NotEligible(problem)
        live = next((c for c in mine if c.status in LIVE), None)
        if live is not None and live.status == Certificate.Status.VALID:
            raise NotEligible(
                _("The learner already has a valid certificate for this course, %(serial)s.")
                % {"serial": live.serial}
            )
        # A request awaiting approval is the one issued; otherwise a new certificate.
        new = live or Certificate(learner=learner, course=course, template=rule.template)
        _make_valid(new, rule=rule, issued_by=issued_by, replaces=revoked)
        log(
            instance=revoked,
            action="certificates.issue_again",
            user=issued_by,
            data={"reason": reason, "serial": new.serial},
        )
    return new


def _make_valid(certificate, *, rule, issued_by, replaces=None, render=True):
    now = timezone.now()
    learner, course = certificate.learner, certificate.course
    certificate.status = Certificate.Status.VALID
    certificate.serial = _next_serial(now.year)
    certificate.issued_at = now
    certificate.issued_by = issued_by
    certificate.replaces = replaces
    language = learner.preferred_language
    certificate.learner_name = learner.full_name
    certificate.course_title = version_for(course, language).title
    certificate.hours = course.estimated_hours
    certificate.principles = [
        {"number": p.number, "name": p.name} for p in _principles_in(course, language)
    ]
    certificate.score = course_score(learner=learner, course=course)
    certificate.language = language
    template = certificate.template.in_language(language)
    with translation.override(language):
        certificate.facts = certificate_fact_values(
            learner=learner, course=course, names=PLACEHOLDER.findall(template.body)
        )
    for field, value in template.printed_names(language).items():
        setattr(certificate, field, value)
    if rule is not None:  # a correction without a rule keeps the original expiry
        certificate.expires_on = (
            timezone.localdate(now) + timedelta(days=rule.valid_for_days)
            if rule.valid_for_days
            else None
        )
    certificate.save()
    log(instance=certificate, action="certificates.issue", user=issued_by)
    if render:
        from .tasks import render_certificate  # the tasks call these services

        task_enqueue(render_certificate, certificate.pk)


def _principles_in(course, language: str) -> list[Principle]:
    """The course's principles by number, each in `language` or its best fallback, as the
    course title is (`version_for`)."""
    principles = list(course.principles.order_by("number"))
    with translation.override(language):
        shown = localized(principles, Principle.objects.all())
    return [shown[principle.pk] for principle in principles]


def _next_serial(year: int) -> str:
    """LAP-YYYY-NNNNNN, gapless within a year: the counter row is locked until the issuing
    transaction commits, and a rolled-back issue rolls the number back too."""
    SerialCounter.objects.get_or_create(year=year)
    counter = SerialCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"LAP-{year}-{counter.last_number:06d}"


def certificate_reissue(*, certificate: Certificate, issued_by) -> Certificate:
    """Issue a corrected certificate (e.g. a corrected name): the old one is marked superseded
    and the new one, with a new serial, records which one it replaces. A correction is not a new
    award, so it works even if the course has since stopped awarding certificates: it then keeps
    the original template and expiry date."""
    rule = _rule(certificate.course)
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status != Certificate.Status.VALID:
            raise NotEligible(_("Only a valid certificate can be re-issued."))
        old.status = Certificate.Status.SUPERSEDED
        old.save(update_fields=["status"])
        log(instance=old, action="certificates.supersede", user=issued_by)
        new = Certificate(
            learner=old.learner,
            course=old.course,
            template=rule.template if rule else old.template,
            expires_on=old.expires_on,
        )
        _make_valid(new, rule=rule, issued_by=issued_by, replaces=old)
    return new


def certificate_revoke(*, certificate: Certificate, reason: str, revoked_by) -> Certificate:
    """Revoke with a reason; the verification page says so from now on."""
    if not reason.strip():
        raise ValueError(_("Give a reason for revoking the certificate."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status == Certificate.Status.REVOKED:
            return locked
        locked.status = Certificate.Status.REVOKED
        locked.revocation_reason = reason.strip()
        locked.revoked_at = timezone.now()
        locked.revoked_by = revoked_by
        locked.save(update_fields=["status", "revocation_reason", "revoked_at", "revoked_by"])
        log(
            instance=locked,
            action="certificates.revoke",
            user=revoked_by,
            data={"reason": locked.revocation_reason},
        )
    return locked


def certificate_deliver(*, certificate: Certificate) -> bool:
    """Render an issued certificate's PDF (once) and email it to the learner if still valid.
    A certificate revoked before its PDF was rendered still gets one, for the record. The row
    is locked while rendering: a render task and a bulk issue reaching the same certificate
    make one PDF and one email. Returns whether this call rendered it."""
    from .tasks import send_certificate_issued

    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.pdf_sha256:
            return False
        certificate_render(certificate=certificate)
        if locked.status == Certificate.Status.VALID:
            task_enqueue(send_certificate_issued, certificate.pk)
        return True


def certificate_render(*, certificate: Certificate) -> Certificate:
    """Render and store the PDF, with its SHA-256 for byte-for-byte verification."""
    from .pdf import render_pdf

    data = render_pdf(certificate)
    certificate.pdf_sha256 = hashlib.sha256(data).hexdigest()
    certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(data), save=False)
    certificate.save(update_fields=["pdf", "pdf_sha256"])
    return certificate


def bulk_issue_start(*, course, requested_by, cohort=None) -> BulkIssueJob:
    """Queue issuing to every learner who completed `course` (only those of `cohort`, if given)
    and has no valid certificate; a learner whose certificate was revoked is skipped and
    counted as such (see `eligibility_problem`)."""
    if cohort is not None and cohort.course_id != course.pk:
        raise ValidationError(
            {
                "cohort": _("The cohort %(cohort)s takes %(course)s, not this course.")
                % {"cohort": cohort, "course": cohort.course}
            }
        )
    job = BulkIssueJob.objects.create(course=course, cohort=cohort, requested_by=requested_by)
    _queue_bulk(job.pk)
    return job


def _queue_bulk(job_id):
    from .tasks import run_bulk_issue

    task_enqueue(run_bulk_issue, job_id)


BULK_CHUNK = 10  # learners per task: every worker issues, and a lost worker costs one chunk


def bulk_issue_run(*, job) -> None:
    """Queue the learners who completed the course (or the job's cohort) in chunks, each issued,
    rendered and counted by its own task (`bulk_issue_chunk`). Safe to re-run after a worker
    dies: the count starts again as a new run (chunks of the old one no longer count), and
    learners who have a certificate get no second one."""
    from .tasks import issue_bulk_chunk

    completed = Enrollment.objects.filter(course=job.course, status=Enrollment.Status.COMPLETED)
    if job.cohort_id:
        completed = completed.filter(cohort=job.cohort_id)
    learner_ids = list(completed.order_by("learner").values_list("learner", flat=True).distinct())
    with transaction.atomic():
        job = BulkIssueJob.objects.select_for_update().get(pk=job.pk)
        job.run += 1
        job.status = BulkIssueJob.Status.RUNNING if learner_ids else BulkIssueJob.Status.DONE
        job.total, job.processed, job.issued, job.failed = len(learner_ids), 0, 0, 0
        job.skipped, job.skipped_revoked = 0, 0
        job.done_chunks, job.finished_at = [], None if learner_ids else timezone.now()
        job.save()
        for index, start in enumerate(range(0, len(learner_ids), BULK_CHUNK)):
            chunk = learner_ids[start : start + BULK_CHUNK]
            task_enqueue(issue_bulk_chunk, job.pk, job.run, index, chunk)


# A bulk job queued or running that has not moved for this long has lost its tasks (a broker
# emptied, a chunk that gave up while the database was down) and is started again. Long enough
# that chunks merely queued behind another large job are not started twice for nothing.
BULK_STALLED_AFTER = timedelta(hours=1)


def bulk_issue_resume_stalled() -> list[int]:
    """Start again (as a new run, see `bulk_issue_run`) every bulk job that has not moved for
    BULK_STALLED_AFTER; the clock restarts, so a job is not queued again before it has had
    another hour. Returns their ids."""
    now = timezone.now()
    stalled = BulkIssueJob.objects.filter(
        status__in=[BulkIssueJob.Status.QUEUED, BulkIssueJob.Status.RUNNING],
        updated_at__lt=now - BULK_STALLED_AFTER,
    )
    job_ids = list(stalled.values_list("pk", flat=True))
    BulkIssueJob.objects.filter(pk__in=job_ids).update(updated_at=now)
    for job_id in job_ids:
        logger.warning("Bulk issue %s has not moved for an hour: started again", job_id)
        _queue_bulk(job_id)
    return job_ids


def bulk_issue_chunk(*, job, run: int, index: int, learner_ids: list[int]) -> None:
    """Issue, render and send the certificates of some of a bulk job's learners, then count the
    chunk once (see `_bulk_count_chunk`): those whose certificate could not be issued or
    rendered count as failed (logged; the next bulk issue tries them again)."""
    failed, delivered = set(), set()
    for learner in User.objects.filter(pk__in=learner_ids).order_by("pk"):
        try:
            if _bulk_issue_one(job=job, learner=learner):
                delivered.add(learner.pk)
        except RETRIED_ERRORS:
            raise  # the database or storage is away: the task tries the chunk again
        except Exception:
            logger.exception("Bulk issue %s: no certificate for learner %s", job.pk, learner.pk)
            failed.add(learner.pk)
    _bulk_count_chunk(
        job=job, run=run, index=index, learner_ids=learner_ids, failed=failed, delivered=delivered
    )


def bulk_issue_chunk_lost(*, job, run: int, index: int, learner_ids: list[int]) -> None:
    """A chunk gave up (its retries spent, e.g. the storage away for ten minutes): its learners
    left without a certificate count as failed, so that the job still ends and says how many;
    the next bulk issue tries them again."""
    logger.error("Bulk issue %s: chunk %s of run %s gave up", job.pk, index, run)
    _bulk_count_chunk(job=job, run=run, index=index, learner_ids=learner_ids, failed=None)


def _bulk_count_chunk(*, job, run, index, learner_ids, failed: set | None, delivered=()) -> None:
    """Count a chunk once, if it belongs to the job's current run. Issued: the learners whose
    certificate was issued since the job started (by an earlier try of the chunk too) or
    `delivered` now (an earlier job issued it but could not render it). Failed: `failed`, or
    when None (the chunk gave up) every learner left without a certificate but those barred by
    a revocation. Skipped: the rest (certified before, or not eligible), counting apart those
    whose certificate for the course was revoked."""
    certified = dict(
        Certificate.objects.filter(
            learner__in=learner_ids, course=job.course, status=Certificate.Status.VALID
        )
        .exclude(pdf_sha256="")
        .values_list("learner", "issued_at")
    )
    issued = {learner for learner, at in certified.items() if at and at >= job.created_at}
    issued |= set(delivered)
    revoked = set(
        unanswered_revocations()
        .filter(learner__in=learner_ids, course=job.course)
        .values_list("learner", flat=True)
    ) - set(certified)
    if failed is None:
        failed = set(learner_ids) - set(certified) - revoked
    failed = failed - issued
    revoked -= failed
    with transaction.atomic():
        job = BulkIssueJob.objects.select_for_update().get(pk=job.pk)
        if run != job.run or index in job.done_chunks:
            return
        job.done_chunks.append(index)
        job.processed += len(learner_ids)
        job.issued += len(issued)
        job.failed += len(failed)
        job.skipped += len(learner_ids) - len(issued) - len(failed)
        job.skipped_revoked += len(revoked)
        if job.processed >= job.total:
            job.status, job.finished_at = BulkIssueJob.Status.DONE, timezone.now()
        job.save()


def _bulk_issue_one(*, job, learner) -> bool:
    """Whether the learner's certificate was rendered and sent now."""
    certificate = Certificate.objects.filter(
        learner=learner, course=job.course, status=Certificate.Status.VALID
    ).first()
    if certificate is None:
        try:
            certificate = certificate_issue(
                learner=learner, course=job.course, issued_by=job.requested_by, render=False
            )
        except NotEligible:
            return False
    return certificate_deliver(certificate=certificate)  # here: no render task per certificate
