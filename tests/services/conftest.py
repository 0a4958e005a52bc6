"""The services suite: PostgreSQL, a Redis broker and a real Celery worker in its own process.

The worker is started after pytest-django has created the test database and is pointed at it,
so tasks that the code under test queues on commit run exactly as in production.
"""

import os
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.services.workers import start_celery_worker, wait_until, worker_name

QUEUE = f"lap-services-{os.getpid()}"
# Set while the session's worker runs: from then on every test's tasks go to it.
running_worker = {}


@pytest.fixture(scope="session", autouse=True)
def require_services():
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL:
        pytest.fail(
            "The services suite needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis); "
            "run it through .ci/run."
        )


@pytest.fixture(scope="session")
def mail_dir():
    return Path(tempfile.mkdtemp(prefix="lap-mail-"))


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker, mail_dir):
    """A real `celery worker` process on the test database."""
    from academy.celery import app

    app.conf.task_default_queue = QUEUE
    worker = start_celery_worker(
        queue=QUEUE,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
    )
    try:
        wait_until(
            lambda: app.control.ping(destination=[worker_name(QUEUE)], timeout=0.5),
            timeout=30,
            what="the Celery worker",
        )
        running_worker["worker"] = app, worker
        yield worker
    finally:
        running_worker.clear()
        worker.terminate()
        worker.wait(timeout=30)


def worker_idle(app, worker):
    """Nothing waits in the queue and our worker answers with nothing in hand (a solo worker
    cannot answer while it runs a task; another suite's worker on the broker is not asked)."""
    if worker.poll() is not None:
        raise AssertionError("The Celery worker of the services suite has died.")
    with app.connection_for_read() as conn:
        try:
            if conn.default_channel.queue_declare(QUEUE, passive=True).message_count:
                return False
        except conn.channel_errors:
            pass  # Redis keeps no empty queue: not found means empty
    name = worker_name(QUEUE)
    inspect = app.control.inspect(destination=[name], timeout=1)
    replies = [inspect.active(), inspect.reserved(), inspect.scheduled()]
    return all(reply and not reply.get(name, True) for reply in replies)


@pytest.fixture(autouse=True)
def worker_finished():
    """A test ends when the worker has run what it queued. pytest-django empties the tables
    after this teardown (its database fixtures, set up by the django_db mark every services
    module has, come first): a task still running then deadlocks with the TRUNCATE or writes
    into the next test (a CI run failed so). Idle twice in a row: a task may queue another."""
    yield
    if running := running_worker.get("worker"):
        app, worker = running
        wait_until(
            lambda: worker_idle(app, worker) and worker_idle(app, worker),
            timeout=60,
            what="an idle worker",
        )


@pytest.fixture(name="wait_until")
def wait_until_fixture():
    return wait_until
