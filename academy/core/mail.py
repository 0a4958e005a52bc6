"""Emails to people, in their language. Called from Celery tasks, never from a web request."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .models import SentEmail


def send_templated_email(*, to, language, subject, template, context, attachments=(), headers=None):
    """Render `template` (plain text) in `language` and send it to `to`. `subject`, `context`
    and `headers` (optional, a dict of extra header lines) are callables, so that text and URLs
    are made in that language. Attachments are (filename, bytes, mimetype)."""
    with translation.override(language):
        message = EmailMessage(
            subject=subject(),
            body=render_to_string(template, context()),
            to=[to],
            headers=headers() if headers else None,
        )
    for attachment in attachments:
        message.attach(*attachment)
    message.send()
    SentEmail.objects.create(
        to=to, subject=message.subject[:300], template=template, language=language
    )
