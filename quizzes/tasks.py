from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from academy.core.mail import send_templated_email
from academy.core.task_options import SENDS_EMAIL
from courses.translations import version_for

from .models import QuizAttempt


@shared_task(**SENDS_EMAIL)
def send_answer_graded(attempt_id):
    """Tell the learner a trainer has graded their open answer, in the learner's language, with
    the quiz's title and link in that language (or its fallback)."""
    attempt = QuizAttempt.objects.select_related("learner", "quiz").filter(pk=attempt_id).first()
    if attempt is None:
        return
    learner = attempt.learner
    quiz = version_for(attempt.quiz, learner.preferred_language)
    send_templated_email(
        to=learner.email,
        language=learner.preferred_language,
        subject=lambda: _("Your answer in %(quiz)s has been graded") % {"quiz": quiz.title},
        template="quizzes/email/answer_graded.txt",
        context=lambda: {
            "attempt": attempt,
            "learner": learner,
            "quiz": quiz,
            "result_url": settings.WAGTAILADMIN_BASE_URL
            + quiz.url
            + f"attempts/{attempt.pk}/result/",
        },
    )
