from urllib.parse import urlsplit

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from academy.core.mail import send_templated_email

from .models import User


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_password_reset(user_id):
    """Email the link to choose a new password, in the person's language. Sent by a worker so
    that the reset page answers as fast for an unknown address as for a known one (waiting for
    the mail server would tell them apart); the link is on WAGTAILADMIN_BASE_URL, never on the
    Host the request named."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    site = urlsplit(settings.WAGTAILADMIN_BASE_URL)

    send_templated_email(
        to=user.email,
        language=user.preferred_language,
        subject=lambda: "".join(
            render_to_string("registration/password_reset_subject.txt").splitlines()
        ),
        template="registration/password_reset_email.html",
        context=lambda: {
            "email": user.email,
            "user": user,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "protocol": site.scheme,
            "domain": site.netloc,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
