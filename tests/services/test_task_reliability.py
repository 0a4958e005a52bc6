"""Celery tasks on a real Redis broker and real worker processes: a rolled-back transaction
queues nothing, and a worker killed in the middle of a bulk certificate run loses nothing and
doubles nothing once a worker runs again."""

import os
import signal
import time

import pytest
from django.conf import settings
from django.db import transaction

from academy.celery import app
from certificates.models import (
    BulkIssueJob,
    Certificate,
    CertificateTemplate,
    CourseCertificateRule,
)
from certificates.services import BULK_CHUNK
from certificates.tasks import run_bulk_issue
from courses.models import Enrollment
from courses.services import enrollment_create
from tests.factories import UserFactory, completed_learners, make_course
from tests.services.workers import start_celery_worker, wait_until

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def emails_to(mail_dir, address):
    return [
        message
        for path in mail_dir.glob("*.log")
        for message in path.read_text(encoding="utf-8").split("-" * 79)
        if f"To: {address}" in message
    ]


def test_a_rolled_back_enrollment_queues_no_email(celery_worker, mail_dir):
    course = make_course(modules=1, lessons_per_module=1, title="Open Budgets")
    ghost = UserFactory(email="rolled.back@lap.example")
    kept = UserFactory(email="committed@lap.example")

    with pytest.raises(RuntimeError), transaction.atomic():
        enrollment_create(learner=ghost, course=course)
        raise RuntimeError("the request failed after enrolling")
    enrollment_create(learner=kept, course=course)

    # One worker takes tasks in order: had the rolled-back enrollment queued its email, it
    # would have been sent before this one.
    wait_until(lambda: emails_to(mail_dir, kept.email), timeout=30, what="the committed email")
    assert emails_to(mail_dir, ghost.email) == []
    assert not Enrollment.objects.filter(learner=ghost).exists()


# Its own Redis database: the short visibility timeout makes this test's workers hand back any
# message left unacknowledged for 5 s, which must not touch other suites' messages.
VISIBILITY_TIMEOUT = 5
KILL_QUEUE = f"lap-services-kill-{os.getpid()}"


@pytest.fixture
def kill_test_broker():
    url = settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/13"
    yield url
    with app.connection_for_write(url) as connection:
        connection.default_channel.client.flushdb()


def broker_and_job_state(broker_url, job_id) -> str:
    """What a timeout reports: where the job's tasks are and how far the job got."""
    with app.connection_for_write(broker_url) as connection:
        redis = connection.default_channel.client
        state = {
            "queued": redis.llen(KILL_QUEUE),
            "unacked": redis.hlen("unacked"),
            "unacked_mutex": redis.exists("unacked_mutex"),
        }
    job = BulkIssueJob.objects.get(pk=job_id)
    return (
        f"{state}; job {job.status} run {job.run} {job.processed}/{job.total} "
        f"chunks {sorted(job.done_chunks)}"
    )


def test_a_worker_killed_mid_bulk_issue_leaves_exactly_one_certificate_each(
    kill_test_broker, tmp_path
):
    course = make_course(modules=1, lessons_per_module=1, title="Leadership Values")
    CourseCertificateRule.objects.create(
        course=course, template=CertificateTemplate.objects.order_by("pk").first()
    )
    eligible = completed_learners(course, 40)
    not_finished = [UserFactory() for _ in range(5)]
    Enrollment.objects.bulk_create(
        Enrollment(learner=learner, course=course) for learner in not_finished
    )
    job = BulkIssueJob.objects.create(course=course)
    worker_env = {
        "CELERY_BROKER_URL": kill_test_broker,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
    }

    def issued():
        return Certificate.objects.filter(course=course).count()

    with app.connection_for_write(kill_test_broker) as connection:
        run_bulk_issue.apply_async((job.pk,), connection=connection, queue=KILL_QUEUE)
    # A prefork worker (a parent that takes messages, a child that runs them), as in
    # production; the whole host dies: parent and child are killed together, in the middle of
    # the second chunk. Not between two chunks: kombu's Redis transport loses a message taken
    # by a worker that dies before recording it as unacknowledged (a few milliseconds); such a
    # job is started again by beat (tests/certificates/test_bulk_issue.py).
    first = start_celery_worker(queue=KILL_QUEUE, pool="prefork", **worker_env)
    try:
        wait_until(
            lambda: issued() >= BULK_CHUNK + 2,
            timeout=60,
            what="the bulk run to reach its second chunk",
            every=0.02,
        )
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    killed_at = time.monotonic()

    assert issued() < len(eligible), "the worker was not killed mid-run"
    assert BulkIssueJob.objects.get(pk=job.pk).status == BulkIssueJob.Status.RUNNING

    # The broker hands the unacknowledged task back once its visibility timeout has passed.
    time.sleep(max(0, VISIBILITY_TIMEOUT + 1 - (time.monotonic() - killed_at)))
    second = start_celery_worker(queue=KILL_QUEUE, pool="prefork", **worker_env)
    try:
        wait_until(
            lambda: BulkIssueJob.objects.get(pk=job.pk).status == BulkIssueJob.Status.DONE,
            timeout=180,
            what=lambda: (
                "the restarted worker to finish the bulk run: "
                + broker_and_job_state(kill_test_broker, job.pk)
            ),
        )
    finally:
        second.terminate()
        second.wait(timeout=60)

    for learner in eligible:
        assert Certificate.objects.filter(learner=learner, course=course).count() == 1, learner
    assert not Certificate.objects.filter(learner__in=not_finished).exists()
    serials = list(Certificate.objects.values_list("serial", flat=True))
    assert len(serials) == len(set(serials)) == len(eligible)
    job.refresh_from_db()
    assert (job.total, job.processed) == (len(eligible), len(eligible))
