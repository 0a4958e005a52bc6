from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from academy.accounts.models import User
from academy.core.mail import send_templated_email
from academy.core.task_options import IDEMPOTENT, SENDS_EMAIL

from .models import CoursePage, Enrollment
from .outline import outlines_for
from .services import reminders_send, reminders_unsubscribe_token
from .translations import localized, version_for


@shared_task(**SENDS_EMAIL)
def send_enrollment_confirmation(enrollment_id):
    """Tell the learner they are enrolled, in their language. Missing enrollment: nothing to do."""
    enrollment = (
        Enrollment.objects.select_related("learner", "course").filter(pk=enrollment_id).first()
    )
    if enrollment is None:
        return
    learner = enrollment.learner
    course = version_for(enrollment.course, learner.preferred_language)
    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=lambda: _("You are enrolled in %(course)s") % {"course": course.title},
        template="courses/email/enrollment_confirmation.txt",
        context=lambda: {
            "learner": learner,
            "course": course,
            "course_url": settings.WAGTAILADMIN_BASE_URL + course.url,
        },
    )


@shared_task(**SENDS_EMAIL)
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
    course = version_for(enrollment.course, learner.preferred_language)

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
            "course": course,
            "course_url": settings.WAGTAILADMIN_BASE_URL + course.url,
            "password_url": password_url,
        }

    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=lambda: _("You are invited to %(course)s") % {"course": course.title},
        template="courses/email/cohort_invitation.txt",
        context=context,
    )


@shared_task(**SENDS_EMAIL)
def send_inactivity_reminder(learner_id, enrollment_ids):
    """Remind a learner of the courses they have let rest, each with a link to where they left
    off, and how to stop these emails. Nothing is sent if they have since opted out, or
    completed or left all of those courses."""
    learner = User.objects.filter(pk=learner_id, reminders_opt_out=False).first()
    if learner is None:
        return
    enrollments = list(
        Enrollment.objects.filter(
            pk__in=enrollment_ids, learner=learner, completed_at__isnull=True, course__live=True
        )
        .exclude(status=Enrollment.Status.COMPLETED)
        .select_related("course")
        .order_by("course__title", "pk")
    )
    if not enrollments:
        return
    # The courses and their steps as the learner reads them (the outline picks each step's
    # version in the active language): titles and links in their language, in a fixed number
    # of queries however many courses and steps.
    with override(learner.preferred_language):
        shown = localized([e.course for e in enrollments], CoursePage.objects.live())
        courses = sorted(shown.values(), key=lambda course: course.title)
        outlines = outlines_for(courses=courses, learner=learner, enrollments=enrollments)

    def continue_url(course):
        resume = outlines[course.pk].resume_step
        return settings.WAGTAILADMIN_BASE_URL + (resume.page.url if resume else course.url)

    def subject():
        # Two messages, not one plural: in bs, hr and sr the "one" form also serves 21, 31...
        if len(courses) == 1:
            return _("Continue where you left off in %(course)s") % {"course": courses[0].title}
        return ngettext(
            "Continue where you left off in your %(count)d course",
            "Continue where you left off in your %(count)d courses",
            len(courses),
        ) % {"count": len(courses)}

    def unsubscribe_url():
        token = reminders_unsubscribe_token(learner=learner)
        return settings.WAGTAILADMIN_BASE_URL + reverse(
            "courses:reminders_unsubscribe", args=[token]
        )

    def context():
        return {
            "learner": learner,
            "courses": [
                {"title": course.title, "continue_url": continue_url(course)} for course in courses
            ],
            "unsubscribe_url": unsubscribe_url(),
        }

    def headers():
        # RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button, and its one-click
        # POST to the same link stops the reminders.
        return {
            "List-Unsubscribe": f"<{unsubscribe_url()}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }

    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=subject,
        template="courses/email/inactivity_reminder.txt",
        context=context,
        headers=headers,
    )


@shared_task(**IDEMPOTENT)
def send_weekly_reminders():
    """Run by Celery beat every Monday morning (CELERY_BEAT_SCHEDULE)."""
    return reminders_send(now=timezone.now())
