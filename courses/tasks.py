from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email

from .models import Enrollment


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_enrollment_confirmation(enrollment_id):
    """Tell the learner they are enrolled, in their language. Missing enrollment: nothing to do."""
    enrollment = (
        Enrollment.objects.select_related("learner", "course").filter(pk=enrollment_id).first()
    )
    if enrollment is None:
        return
    send_templated_email(
        to=enrollment.learner.email,
        language=enrollment.learner.preferred_language,
        subject=lambda: _("You are enrolled in %(course)s") % {"course": enrollment.course.title},
        template="courses/email/enrollment_confirmation.txt",
        context=lambda: {
            "learner": enrollment.learner,
            "course": enrollment.course,
            "course_url": settings.WAGTAILADMIN_BASE_URL + enrollment.course.url,
        },
    )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_cohort_invitation(enrollment_id, new_account):
    """Invite an imported learner: a new account gets a link to choose a password."""
    enrollment = (
        Enrollment.objects.select_related("learner", "course", "cohort")
        .filter(pk=enrollment_id)
        .first()
    )
    if enrollment is None:
        return
    learner = enrollment.learner

    def context():
        password_url = None
        if new_account:
            uid = urlsafe_base64_encode(force_bytes(learner.pk))
            token = default_token_generator.make_token(learner)
            password_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "password_reset_confirm", args=[uid, token]
            )
        return {
            "learner": learner,
            "cohort": enrollment.cohort,
            "course": enrollment.course,
            "course_url": settings.WAGTAILADMIN_BASE_URL + enrollment.course.url,
            "password_url": password_url,
        }

    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=lambda: _("You are invited to %(course)s") % {"course": enrollment.course.title},
        template="courses/email/cohort_invitation.txt",
        context=context,
    )
