"""The services suite: PostgreSQL, a Redis broker and a real Celery worker in its own process.

The worker is started after pytest-django has created the test database and is pointed at it,
so tasks that the code under test queues on commit run exactly as in production.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

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
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy.settings.base",
        "DATABASE_URL": (f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"),
        "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "academy",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "-Q",
            QUEUE,
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        _wait_until(lambda: app.control.ping(timeout=0.5), timeout=30, what="the Celery worker")
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def _wait_until(condition, *, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"Timed out after {timeout}s waiting for {what}")


@pytest.fixture
def wait_until():
    return _wait_until
