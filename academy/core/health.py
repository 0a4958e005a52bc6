"""GET /health/ for load balancers and monitoring: is this app server able to serve?

Checks the database, the cache and the Celery broker. Without the database nothing can be served:
503 with status "failing". Without the cache or the broker pages are still served (from the
database; tasks wait in the outbox, academy/core/outbox.py): 200 with status "degraded", so a
load balancer keeps the server while monitoring sees what is down. All ok: 200, "ok". No
personal data, no settings, no error text (that is logged).
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from kombu import Connection

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    if cache.set(key, value, timeout=10) is False or cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _broker():
    if not settings.CELERY_BROKER_URL:
        return "not used"  # tasks run in-process (no broker configured)
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=TIMEOUT_SECONDS) as broker:
        broker.ensure_connection(max_retries=1, timeout=TIMEOUT_SECONDS)
    return "ok"


CHECKS = {"database": _database, "cache": _cache, "broker": _broker}
ESSENTIAL = {"database"}


@never_cache
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check() or "ok"
        except Exception:  # any failure means "not healthy"; the details go to the log
            logger.exception("Health check %s failed", name)
            results[name] = "failing"
    failing = [name for name, result in results.items() if result == "failing"]
    status = "failing" if ESSENTIAL & set(failing) else "degraded" if failing else "ok"
    return JsonResponse(
        {"status": status, "checks": results, "failing": failing},
        status=503 if status == "failing" else 200,
    )
