from celery import shared_task

from .outbox import outbox_relay
from .task_options import IDEMPOTENT


@shared_task(**IDEMPOTENT)
def relay_outbox():
    """Celery beat, every minute: send what a broker outage kept in the outbox."""
    return outbox_relay()
