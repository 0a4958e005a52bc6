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
