from django.db.models import Exists, OuterRef

from courses.models import Enrollment

from .models import Certificate, CourseCertificateRule


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
