"""Deployment checks (`manage.py check --deploy`, run by `make test` with production settings)."""

from django.conf import settings
from django.core.checks import Warning, register

UNDELIVERED = ("console.EmailBackend", "locmem.EmailBackend", "dummy.EmailBackend")


@register(deploy=True)
def emails_are_delivered(app_configs, **kwargs):
    """Certificates, invitations and password resets are emailed: a deployment that only prints
    them to the console loses them without a word."""
    if settings.EMAIL_BACKEND.endswith(UNDELIVERED):
        return [
            Warning(
                f"Emails are not delivered (EMAIL_BACKEND is {settings.EMAIL_BACKEND}).",
                hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD).",
                id="academy.W001",
            )
        ]
    return []


@register(deploy=True)
def the_cache_is_shared(app_configs, **kwargs):
    """The page cache, the remembered routes and outlines (academy.core.page_cache) and the rate
    limits live in the cache: a cache of each process's own would let one app server go on
    serving what another has just purged, and count limits per process."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("locmem.LocMemCache", "dummy.DummyCache")):
        return [
            Warning(
                f"The cache is not shared between processes ({backend}).",
                hint="Set REDIS_URL.",
                id="academy.W002",
            )
        ]
    return []
