"""Bulk issue runs in chunks of learners, each a task of its own, so that every worker issues;
a chunk run twice (a worker died before acknowledging it) certifies and counts its learners
once."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

import certificates.pdf
from certificates.models import BulkIssueJob, Certificate
from certificates.services import (
    BULK_CHUNK,
    BULK_STALLED_AFTER,
    bulk_issue_chunk,
    bulk_issue_resume_stalled,
    bulk_issue_run,
    bulk_issue_start,
    certificate_deliver,
    certificate_issue,
)
from certificates.tasks import issue_bulk_chunk, resume_stalled_bulk_issues
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

    bulk_issue_chunk(job=job, run=job.run, index=0, learner_ids=[lr.pk for lr in learners])

    job.refresh_from_db()
    assert (job.processed, job.issued, job.skipped) == (3, 3, 0)
    assert set(Certificate.objects.values_list("serial", flat=True)) == serials


def test_a_chunk_run_again_renders_a_certificate_issued_before_the_worker_died(
    course, django_capture_on_commit_callbacks
):
    (learner,) = completed_learners(course, 1)
    job = BulkIssueJob.objects.create(course=course, total=1, run=1)
    issued_unrendered = certificate_issue(learner=learner, course=course, render=False)

    with django_capture_on_commit_callbacks(execute=True):
        bulk_issue_chunk(job=job, run=1, index=0, learner_ids=[learner.pk])

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


def test_a_chunk_of_an_earlier_run_no_longer_counts(course, django_capture_on_commit_callbacks):
    learners = completed_learners(course, 2)
    job = run(course, django_capture_on_commit_callbacks)  # run 1, counted
    with django_capture_on_commit_callbacks(execute=False):
        bulk_issue_run(job=job)  # run 2 started again (its worker died): chunks queued, not run

    bulk_issue_chunk(job=job, run=1, index=0, learner_ids=[lr.pk for lr in learners])

    job.refresh_from_db()
    assert (job.run, job.processed, job.status) == (2, 0, BulkIssueJob.Status.RUNNING)


def test_a_certificate_that_cannot_be_rendered_is_counted_as_failed_and_the_rest_go_on(
    course, django_capture_on_commit_callbacks, monkeypatch
):
    first, second = completed_learners(course, 2)

    def render_fails_for_the_first(certificate):
        if certificate.learner_id == first.pk:
            raise ValueError("a font is missing")
        return original_render(certificate)

    original_render = certificates.pdf.render_pdf
    monkeypatch.setattr(certificates.pdf, "render_pdf", render_fails_for_the_first)

    job = run(course, django_capture_on_commit_callbacks)

    assert (job.status, job.issued, job.failed, job.skipped) == (BulkIssueJob.Status.DONE, 1, 1, 0)
    assert Certificate.objects.get(learner=second).pdf_sha256
    assert not Certificate.objects.get(learner=first).pdf_sha256


def test_rendering_twice_makes_one_pdf_and_one_email(
    course, django_capture_on_commit_callbacks, mailoutbox
):
    (learner,) = completed_learners(course, 1)
    with django_capture_on_commit_callbacks(execute=False):
        certificate = certificate_issue(learner=learner, course=course)  # render queued, not run
    stale_copy = Certificate.objects.get(pk=certificate.pk)

    with django_capture_on_commit_callbacks(execute=True):
        certificate_deliver(certificate=certificate)
        certificate_deliver(certificate=stale_copy)  # e.g. the render task, a moment later

    assert len(mailoutbox) == 1


def test_a_chunk_that_gives_up_counts_its_learners_as_failed_and_the_job_ends(
    course, django_capture_on_commit_callbacks, monkeypatch
):
    learners = completed_learners(course, 3)
    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue(learner=learners[0], course=course)  # certified before the job
    with django_capture_on_commit_callbacks():  # the test runs the chunk itself, as a worker
        job = bulk_issue_start(course=course, requested_by=None)
        bulk_issue_run(job=job)
    job.refresh_from_db()

    def storage_away(certificate):
        raise ConnectionRefusedError("the media storage does not answer")

    monkeypatch.setattr(certificates.pdf, "render_pdf", storage_away)
    # As a worker runs it: each retry at once, the error kept in the result, not raised.
    monkeypatch.setitem(issue_bulk_chunk.app.conf, "task_eager_propagates", False)
    chunk = issue_bulk_chunk.apply((job.pk, job.run, 0, [lr.pk for lr in learners]), throw=False)

    assert chunk.failed()  # after its retries
    job.refresh_from_db()
    assert job.status == BulkIssueJob.Status.DONE
    assert (job.processed, job.issued, job.failed, job.skipped) == (3, 0, 2, 1)

    monkeypatch.undo()  # the storage is back: the next bulk issue delivers them
    job = run(course, django_capture_on_commit_callbacks)
    assert (job.issued, job.failed, job.skipped) == (2, 0, 1)
    assert all(Certificate.objects.values_list("pdf_sha256", flat=True))


def test_a_job_that_has_not_moved_for_an_hour_is_started_again_and_ends(
    course, django_capture_on_commit_callbacks
):
    completed_learners(course, 3)
    with django_capture_on_commit_callbacks():  # its tasks are lost: none of them runs
        job = bulk_issue_start(course=course, requested_by=None)
    moving = BulkIssueJob.objects.create(course=course, status=BulkIssueJob.Status.RUNNING)
    finished = BulkIssueJob.objects.create(course=course, status=BulkIssueJob.Status.DONE)

    def an_hour_passes():
        BulkIssueJob.objects.filter(pk__in=[job.pk, finished.pk]).update(
            updated_at=timezone.now() - BULK_STALLED_AFTER - timedelta(minutes=1)
        )

    an_hour_passes()
    with django_capture_on_commit_callbacks():  # lost again
        assert bulk_issue_resume_stalled() == [job.pk]
    assert bulk_issue_resume_stalled() == []  # given another hour before it is queued again

    an_hour_passes()
    with django_capture_on_commit_callbacks(execute=True):
        assert bulk_issue_resume_stalled() == [job.pk]

    job.refresh_from_db()
    assert (job.status, job.issued, job.failed) == (BulkIssueJob.Status.DONE, 3, 0)
    assert Certificate.objects.filter(course=course).count() == 3
    moving.refresh_from_db()
    assert moving.status == BulkIssueJob.Status.RUNNING  # still moving: left alone


def test_celery_beat_looks_for_stalled_jobs_every_quarter_of_an_hour(
    course, django_capture_on_commit_callbacks
):
    schedule = settings.CELERY_BEAT_SCHEDULE["resume-stalled-bulk-issues"]
    assert schedule["task"] == resume_stalled_bulk_issues.name
    assert schedule["schedule"].minute == {0, 15, 30, 45}

    completed_learners(course, 1)
    job = BulkIssueJob.objects.create(course=course, status=BulkIssueJob.Status.RUNNING, total=1)
    BulkIssueJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        resume_stalled_bulk_issues.delay()

    job.refresh_from_db()
    assert (job.status, job.issued) == (BulkIssueJob.Status.DONE, 1)
