from django.db.models import Exists, OuterRef, Q

from courses.models import CoursePage, Enrollment
from courses.translations import localized

from .models import Certificate, CourseCertificateRule


def completed_courses_without_certificates(*, learner) -> list:
    """The courses `learner` completed that award no certificate (no rule), in the reader's
    language: "My certificates" says so rather than "complete a course to earn one"."""
    courses = [
        enrollment.course
        for enrollment in Enrollment.objects.filter(
            learner=learner, status=Enrollment.Status.COMPLETED, course__live=True
        )
        .exclude(course__in=CourseCertificateRule.objects.values("course"))
        .select_related("course")
        .order_by("course__title")
    ]
    shown = localized(courses, CoursePage.objects.live())
    return [shown[course.pk] for course in courses]


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


def withdrawn_certificate_pks(*, pks: range) -> list[int]:
    """The ids within `pks` of the certificates that no longer hold: revoked, superseded by a
    correction, or held by someone whose data was erased at their request (the register keeps
    the serial; a credential in a wallet must no longer vouch for them). One query; what the
    status lists of Open Badges 3.0 credentials publish."""
    withdrawn = Q(status__in=[Certificate.Status.REVOKED, Certificate.Status.SUPERSEDED]) | Q(
        learner__erased_at__isnull=False
    )
    return list(
        Certificate.objects.filter(withdrawn, pk__gte=pks.start, pk__lt=pks.stop).values_list(
            "pk", flat=True
        )
    )
