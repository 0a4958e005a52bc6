from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import QuizAttempt


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_answer_graded(attempt_id):
    """Tell the learner a trainer has graded their open answer, in the learner's language."""
    attempt = QuizAttempt.objects.select_related("learner", "quiz").filter(pk=attempt_id).first()
    if attempt is None:
        return
    with translation.override(attempt.learner.preferred_language):
        context = {
            "attempt": attempt,
            "learner": attempt.learner,
            "result_url": settings.WAGTAILADMIN_BASE_URL
            + attempt.quiz.url
            + f"attempts/{attempt.pk}/result/",
        }
        send_mail(
            subject=_("Your answer in %(quiz)s has been graded") % {"quiz": attempt.quiz.title},
            message=render_to_string("quizzes/email/answer_graded.txt", context),
            from_email=None,
            recipient_list=[attempt.learner.email],
        )
