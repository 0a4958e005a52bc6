from celery import shared_task
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from academy.accounts.models import User
from academy.core.mail import send_templated_email
from academy.core.task_options import IDEMPOTENT, SENDS_EMAIL
from courses.models import CoursePage

from .models import BulkIssueJob, Certificate
from .services import (
    bulk_issue_chunk,
    bulk_issue_chunk_lost,
    bulk_issue_resume_stalled,
    bulk_issue_run,
    certificate_award,
    certificate_deliver,
    certificates_award_missed,
)


@shared_task(**IDEMPOTENT)
def issue_on_completion(learner_id, course_id):
    """A learner completed a course: issue the certificate, or ask for approval (manual rule)."""
    learner = User.objects.filter(pk=learner_id).first()
    course = CoursePage.objects.filter(pk=course_id).first()
    if learner is not None and course is not None:
        certificate_award(learner=learner, course=course)


@shared_task(**IDEMPOTENT)
def award_after_result(learner_id, course_id):
    """A new result (a quiz graded) may lift a learner who completed the course to its minimum
    score."""
    issue_on_completion(learner_id, course_id)


@shared_task(**IDEMPOTENT)
def award_missed_certificates():
    """Run by Celery beat every hour."""
    certificates_award_missed()


@shared_task(**IDEMPOTENT)
def render_certificate(certificate_id):
    certificate = (
        Certificate.objects.select_related("learner", "template")
        .filter(pk=certificate_id, serial__isnull=False)
        .first()
    )
    if certificate is not None:
        certificate_deliver(certificate=certificate)


@shared_task(**SENDS_EMAIL)
def send_certificate_issued(certificate_id):
    certificate = Certificate.objects.select_related("learner").filter(pk=certificate_id).first()
    if certificate is None:
        return
    attachments = []
    if certificate.pdf:
        with certificate.pdf.open("rb") as pdf:
            attachments.append((f"{certificate.serial}.pdf", pdf.read(), "application/pdf"))
    send_templated_email(
        to=certificate.learner.email,
        language=certificate.language,
        subject=lambda: _("Your certificate for %(course)s") % {"course": certificate.course_title},
        template="certificates/email/issued.txt",
        context=lambda: {
            "certificate": certificate,
            "verify_url": settings.WAGTAILADMIN_BASE_URL + certificate.verification_path,
        },
        attachments=attachments,
    )


def _bulk_job(job_id):
    return BulkIssueJob.objects.select_related("course", "requested_by").filter(pk=job_id).first()


@shared_task(**IDEMPOTENT)
def run_bulk_issue(job_id):
    if job := _bulk_job(job_id):
        bulk_issue_run(job=job)


def _chunk_lost(task, exc, task_id, args, kwargs, einfo):
    """Celery calls this once a chunk has failed for good (retries spent, or an error no retry
    mends): the job must still end. It runs before Celery's Django fixup drops a broken
    database connection: the last error may have been the database's, so open a new one."""
    if not connection.is_usable():
        connection.close()
    job_id, run, index, learner_ids = args
    if job := _bulk_job(job_id):
        bulk_issue_chunk_lost(job=job, run=run, index=index, learner_ids=learner_ids)


@shared_task(**IDEMPOTENT, on_failure=_chunk_lost)
def issue_bulk_chunk(job_id, run, index, learner_ids):
    if job := _bulk_job(job_id):
        bulk_issue_chunk(job=job, run=run, index=index, learner_ids=learner_ids)


@shared_task(**IDEMPOTENT)
def resume_stalled_bulk_issues():
    """Run by Celery beat every 15 minutes."""
    bulk_issue_resume_stalled()
