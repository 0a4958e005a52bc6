"""Options every Celery task of the academy is declared with (`@shared_task(**IDEMPOTENT)`).

Both retry on a lost connection (SMTP, Redis, PostgreSQL) with exponential backoff and jitter,
up to 5 times over about ten minutes, and acknowledge a message only after the task has run, so
a worker host that dies mid-task hands it to another worker (after the broker's visibility
timeout). The services queue tasks through the outbox (academy/core/outbox.py), sent on commit.
"""

from django.db import InterfaceError, OperationalError

# Lost connections (SMTP, Redis, PostgreSQL, storage): worth trying the whole task again.
RETRIED_ERRORS = (OSError, OperationalError, InterfaceError)

_RETRYING = {
    "autoretry_for": RETRIED_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
    "acks_late": True,
}

# Running twice gives the same result as once (the services check and lock): a task whose
# worker process is killed is put back on the queue at once.
IDEMPOTENT = {**_RETRYING, "reject_on_worker_lost": True}

# Sends an email: a worker process killed while talking to the SMTP server may already have
# sent it, so the message is not put back (no second copy); a whole host dying still redelivers.
SENDS_EMAIL = {**_RETRYING, "reject_on_worker_lost": False}
