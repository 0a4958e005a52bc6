"""Bulk issue runs in chunks of learners, each a task of its own, so that every worker issues;
a chunk run twice (a worker died before acknowledging it) certifies and counts its learners
once."""

import pytest

from certificates.models import BulkIssueJob, Certificate
from certificates.services import (
    BULK_CHUNK,
    bulk_issue_chunk,
    bulk_issue_start,
    certificate_issue,
)
from tests.factories import completed_learners

pytestmark = pytest.mark.django_db


def run(course, django_capture_on_commit_callbacks) -> BulkIssueJob:
    with django_capture_on_commit_callbacks(execute=True):
        job = bulk_issue_start(course=course, requested_by=None)
    job.refresh_from_db()
    return job


def test_a_run_longer_than_a_chunk_certifies_everyone_once_and_counts_exactly(
    course, django_capture_on_commit_callbacks, mailoutbox
):
    learners = completed_learners(course, 2 * BULK_CHUNK + 3)

    job = run(course, django_capture_on_commit_callbacks)

    assert job.status == BulkIssueJob.Status.DONE
    assert (job.total, job.processed, job.issued, job.skipped) == (23, 23, 23, 0)
    assert sorted(job.done_chunks) == [0, 1, 2]
    certificates = Certificate.objects.filter(course=course)
    assert sorted(certificates.values_list("learner", flat=True)) == [u.pk for u in learners]
    assert all(certificate.pdf_sha256 for certificate in certificates)
    assert len(mailoutbox) == len(learners)


def test_a_chunk_run_twice_counts_once_and_issues_nothing_more(
    course, django_capture_on_commit_callbacks
):
    learners = completed_learners(course, 3)
    job = run(course, django_capture_on_commit_callbacks)
    serials = set(Certificate.objects.values_list("serial", flat=True))

    bulk_issue_chunk(job=job, index=0, learner_ids=[learner.pk for learner in learners])

    job.refresh_from_db()
    assert (job.processed, job.issued, job.skipped) == (3, 3, 0)
    assert set(Certificate.objects.values_list("serial", flat=True)) == serials


def test_a_chunk_run_again_renders_a_certificate_issued_before_the_worker_died(
    course, django_capture_on_commit_callbacks
):
    (learner,) = completed_learners(course, 1)
    job = BulkIssueJob.objects.create(course=course, total=1)
    issued_unrendered = certificate_issue(learner=learner, course=course, render=False)

    with django_capture_on_commit_callbacks(execute=True):
        bulk_issue_chunk(job=job, index=0, learner_ids=[learner.pk])

    issued_unrendered.refresh_from_db()
    assert issued_unrendered.pdf_sha256
    job.refresh_from_db()
    assert (job.status, job.issued, job.skipped) == (BulkIssueJob.Status.DONE, 1, 0)


def test_learners_already_certified_before_the_run_count_as_skipped(
    course, django_capture_on_commit_callbacks
):
    earlier, _newcomer = completed_learners(course, 2)
    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue(learner=earlier, course=course)

    job = run(course, django_capture_on_commit_callbacks)

    assert (job.processed, job.issued, job.skipped) == (2, 1, 1)
    assert Certificate.objects.filter(learner=earlier).count() == 1
