from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Enrollment


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_enrollment_confirmation(enrollment_id):
    """Tell the learner they are enrolled, in their language. Missing enrollment: nothing to do."""
    enrollment = (
        Enrollment.objects.select_related("learner", "course").filter(pk=enrollment_id).first()
    )
    if enrollment is None:
        return
    with translation.override(enrollment.learner.preferred_language):
        context = {
            "learner": enrollment.learner,
            "course": enrollment.course,
            "course_url": settings.WAGTAILADMIN_BASE_URL + enrollment.course.url,
        }
        send_mail(
            subject=_("You are enrolled in %(course)s") % {"course": enrollment.course.title},
            message=render_to_string("courses/email/enrollment_confirmation.txt", context),
            from_email=None,
            recipient_list=[enrollment.learner.email],
        )
