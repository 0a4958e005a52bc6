from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email

from .models import User
from .services import CONFIRMATION_LINK_MAX_AGE, signup_confirmation_token


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_signup_confirmation(user_id, next_url=""):
    """Email the link that confirms a new account, in its language. An account confirmed (or
    gone) in the meantime needs no email."""
    user = User.objects.filter(pk=user_id, is_active=False, last_login__isnull=True).first()
    if user is None:
        return
    token = signup_confirmation_token(user=user, next_url=next_url)
    send_templated_email(
        to=user.email,
        language=user.preferred_language,
        subject=lambda: _("Confirm your email address for LAP Academy"),
        template="accounts/email/signup_confirmation.txt",
        context=lambda: {
            "user": user,
            "confirm_url": settings.WAGTAILADMIN_BASE_URL + reverse("signup_confirm", args=[token]),
            "resend_url": settings.WAGTAILADMIN_BASE_URL + reverse("signup_resend"),
            "days": CONFIRMATION_LINK_MAX_AGE.days,
        },
    )
