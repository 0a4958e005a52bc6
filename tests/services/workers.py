"""Starting real `celery worker` processes on the test database (see conftest.py)."""

import os
import socket
import subprocess
import sys
import time

from django.conf import settings


def worker_name(queue):
    """The worker's node name: its own, as another checkout's suite may share the broker."""
    return f"{queue}@{socket.gethostname()}"


def start_celery_worker(*, queue, pool="solo", **env):
    """A `celery worker` process consuming `queue`, named `worker_name(queue)`, on the test
    database, in its own process group (so that the worker and its pool processes can be killed
    together); `env` adds or overrides environment variables (broker, mail folder...)."""
    db = settings.DATABASES["default"]
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "academy",
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "--loglevel=WARNING",
            "-Q",
            queue,
            "-n",
            worker_name(queue),
            "--without-gossip",
            "--without-mingle",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "academy.settings.base",
            "DATABASE_URL": (
                f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
            ),
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            **env,
        },
        cwd=settings.BASE_DIR,
        start_new_session=True,
    )


def wait_until(condition, *, timeout, what, every=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    what = what() if callable(what) else what  # a callable says how things stand at the end
    raise AssertionError(f"Timed out after {timeout}s waiting for {what}")
