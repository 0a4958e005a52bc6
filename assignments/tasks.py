from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email
from academy.core.task_options import SENDS_EMAIL
from courses.translations import version_for

from .models import Submission


@shared_task(**SENDS_EMAIL)
def send_submission_reviewed(submission_id):
    """Tell the learner their work was graded or returned for revision, in their language,
    with the assignment's title and link in that language (or its fallback)."""
    submission = (
        Submission.objects.select_related("learner", "assignment").filter(pk=submission_id).first()
    )
    if submission is None:
        return
    learner = submission.learner
    assignment = version_for(submission.assignment, learner.preferred_language)
    returned = submission.status == Submission.Status.RETURNED
    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=lambda: (
            (
                _("Your work on %(assignment)s was returned for revision")
                if returned
                else _("Your work on %(assignment)s has been graded")
            )
            % {"assignment": assignment.title}
        ),
        template="assignments/email/submission_reviewed.txt",
        context=lambda: {
            "submission": submission,
            "learner": learner,
            "assignment": assignment,
            "returned": returned,
            "url": settings.WAGTAILADMIN_BASE_URL + assignment.url,
        },
    )
