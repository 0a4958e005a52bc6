from urllib.parse import urlsplit

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email
from academy.core.task_options import IDEMPOTENT, SENDS_EMAIL

from .data_export import data_export_build, data_exports_expire
from .models import DataExport, User
from .services import (
    CONFIRMATION_LINK_MAX_AGE,
    awaits_confirmation,
    signup_confirmation_token,
    unconfirmed_accounts_delete,
)


@shared_task(**SENDS_EMAIL)
def send_signup_confirmation(user_id, next_url=""):
    """Email the link that confirms a new account, in its language. An account confirmed (or
    gone) in the meantime needs no email."""
    user = User.objects.filter(pk=user_id).first()
    if user is None or not awaits_confirmation(user):
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


@shared_task(**SENDS_EMAIL)
def send_signup_attempt_notice(user_id):
    """Tell an account holder, in their language, that someone tried to sign up with their
    address, with links to log in and to choose a new password: what the sign-up page no longer
    says to whoever typed it. An account staff deactivated is told nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    send_templated_email(
        to=user.email,
        language=user.preferred_language,
        subject=lambda: _("Someone tried to sign up to LAP Academy with your email address"),
        template="accounts/email/signup_attempt.txt",
        context=lambda: {
            "user": user,
            "login_url": settings.WAGTAILADMIN_BASE_URL + reverse("login"),
            "password_reset_url": settings.WAGTAILADMIN_BASE_URL + reverse("password_reset"),
        },
    )


@shared_task(**SENDS_EMAIL)
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


@shared_task(**IDEMPOTENT)
def build_data_export(export_id):
    """Build a person's "Download my data" archive; a retry builds it again."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is not None and export.status != DataExport.Status.DONE:
        data_export_build(export=export)


@shared_task(**IDEMPOTENT)
def expire_data_exports():
    """Run by Celery beat every hour: archives whose link has expired are deleted."""
    return data_exports_expire()


@shared_task(**IDEMPOTENT)
def delete_unconfirmed_accounts():
    """Run by Celery beat every night: sign-ups never confirmed are deleted."""
    return unconfirmed_accounts_delete()
