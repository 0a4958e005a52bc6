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

from tests.services.workers import start_celery_worker, wait_until

QUEUE = f"lap-services-{os.getpid()}"


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
        wait_until(lambda: app.control.ping(timeout=0.5), timeout=30, what="the Celery worker")
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=30)


@pytest.fixture(name="wait_until")
def wait_until_fixture():
    return wait_until
