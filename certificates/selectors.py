from decimal import Decimal

from django.db.models import Exists, Max, OuterRef

from courses.models import Enrollment
from quizzes.models import QuizAttempt, QuizPage

from .models import Certificate, CourseCertificateRule


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


def unanswered_revocations():
    """Revoked certificates that no certificate follows (`replaces`): their learners get no other
    certificate for the course until an administrator issues one again."""
    return Certificate.objects.filter(status=Certificate.Status.REVOKED, replaced_by__isnull=True)


def completions_awaiting_certificate():
    """Completed enrollments in courses that award certificates whose learner never had one for
    the course: none issued, requested, revoked or corrected."""
    return Enrollment.objects.filter(
        status=Enrollment.Status.COMPLETED,
        course__in=CourseCertificateRule.objects.values("course"),
    ).exclude(
        Exists(Certificate.objects.filter(learner=OuterRef("learner"), course=OuterRef("course")))
    )
