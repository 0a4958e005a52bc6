"""The quizzes' part in certificates (registered with courses.requirements in `ready()`)."""

from decimal import Decimal

from django.db.models import Max
from django.utils.translation import gettext as _

from .models import QuizAttempt, QuizPage


def average_quiz_score(*, learner, course) -> Decimal | None:
    """The learner's average over the course's live quizzes of their best graded percentage
    (a quiz never attempted counts as 0). None when the course has no quizzes."""
    quiz_ids = list(QuizPage.objects.live().descendant_of(course).values_list("pk", flat=True))
    if not quiz_ids:
        return None
    best = dict(
        QuizAttempt.objects.filter(learner=learner, quiz_id__in=quiz_ids, percent__isnull=False)
        .values("quiz_id")
        .annotate(best=Max("percent"))
        .values_list("quiz_id", "best")
    )
    total = sum((best.get(quiz_id, Decimal(0)) for quiz_id in quiz_ids), Decimal(0))
    return (total / len(quiz_ids)).quantize(Decimal("0.01"))


def minimum_score_problem(*, learner, course, rule) -> str | None:
    """A rule with a minimum score wants that average over the course's quizzes."""
    if rule.minimum_score is None:
        return None
    score = average_quiz_score(learner=learner, course=course)
    if score is None or score < rule.minimum_score:
        return _("The average quiz score is below the required %(min)s%%.") % {
            "min": rule.minimum_score
        }
    return None
