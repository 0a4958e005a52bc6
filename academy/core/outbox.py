"""Tasks are never lost to a broker outage: a transactional outbox.

`task_enqueue(task, *args)` writes the task as a row in the transaction that decided it and, once
that transaction commits, hands it to Celery and deletes the row. A rolled-back transaction
queues nothing; a broker that cannot take the task (Redis down) neither fails the request nor
loses the task: the row stays, and `outbox_relay` (Celery beat every minute, or
`manage.py relay_outbox`) sends it once the broker is back.

The guarantee is at least once: a row is deleted only after the broker took its task, so a crash
in between sends it again. Every task is idempotent (academy/core/task_options.py).
"""

import logging
from datetime import timedelta

from celery import current_app
from django.db import DatabaseError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnavailable

from .models import OutboxTask

logger = logging.getLogger(__name__)
# The relay leaves younger rows alone: their own commit is sending them right now.
RELAY_AFTER = timedelta(seconds=30)


def task_enqueue(task, *args) -> OutboxTask:
    """Queue `task(*args)` (arguments JSON-serialisable) when the current transaction commits, at
    once outside one; kept in the database until the broker has taken it."""
    row = OutboxTask.objects.create(task=task.name, args=list(args))
    transaction.on_commit(lambda: _send(row, delete=True))
    return row


def _send(row: OutboxTask, *, delete: bool) -> bool:
    """Hand one row's task to the broker; False (the row kept) if the broker refused it."""
    try:
        _task(row.task).apply_async(args=row.args)
    except BrokerUnavailable as error:
        logger.warning("Broker unavailable: %s kept in the outbox (%s)", row, error)
        return False
    if delete:
        try:
            OutboxTask.objects.filter(pk=row.pk).delete()
        except DatabaseError:  # sent, but not forgotten: the relay sends it again (idempotent)
            logger.warning("Outbox row %s not deleted after sending", row.pk, exc_info=True)
    return True


def _task(name):
    if name not in current_app.tasks:  # a process that has not loaded the apps' tasks.py yet
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def outbox_relay(*, older_than: timedelta = RELAY_AFTER, limit: int = 500) -> int:
    """Send the tasks the broker could not take when they were queued, oldest first, and delete
    them; stop at the first refusal (the broker is still down). Rows are locked while sent, so
    two relays never send the same one. Returns how many were sent."""
    sent = 0
    with transaction.atomic():
        rows = (
            OutboxTask.objects.select_for_update(skip_locked=True)
            .filter(created_at__lte=timezone.now() - older_than)
            .order_by("pk")[:limit]
        )
        for row in rows:
            if not _send(row, delete=False):
                OutboxTask.objects.filter(pk=row.pk).update(
                    attempts=row.attempts + 1, last_error="broker unavailable"
                )
                break
            row.delete()
            sent += 1
    if sent:
        logger.info("Outbox relay sent %d queued task(s)", sent)
    return sent
