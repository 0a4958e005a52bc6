from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email
from academy.core.task_options import SENDS_EMAIL

from .models import QuizAttempt


@shared_task(**SENDS_EMAIL)
def send_answer_graded(attempt_id):
    """Tell the learner a trainer has graded their open answer, in the learner's language."""
    attempt = QuizAttempt.objects.select_related("learner", "quiz").filter(pk=attempt_id).first()
    if attempt is None:
        return
    send_templated_email(
        to=attempt.learner.email,
        language=attempt.learner.preferred_language,
        subject=lambda: _("Your answer in %(quiz)s has been graded") % {"quiz": attempt.quiz.title},
        template="quizzes/email/answer_graded.txt",
        context=lambda: {
            "attempt": attempt,
            "learner": attempt.learner,
            "result_url": settings.WAGTAILADMIN_BASE_URL
            + attempt.quiz.url
            + f"attempts/{attempt.pk}/result/",
        },
    )
