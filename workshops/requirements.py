"""Workshops' part in certificates (registered with courses.requirements in `ready()`): a
cohort's attendance rule may set a minimum attendance % for the certificate of its course."""

from django.utils.translation import gettext as _

from courses.models import Enrollment

from .models import AttendanceRule
from .selectors import learner_tally


def minimum_attendance_problem(*, learner, course, rule) -> str | None:
    """A learner in a cohort whose attendance rule sets a minimum must have attended that share
    of the points of the cohort's meetings held so far. No cohort, no minimum, or no meetings
    at all: nothing is asked."""
    enrollment = (
        Enrollment.objects.filter(learner=learner, course=course, cohort__isnull=False)
        .only("cohort_id")
        .first()
    )
    if enrollment is None:
        return None
    minimum = (
        AttendanceRule.objects.filter(cohort_id=enrollment.cohort_id)
        .values_list("minimum_percent", flat=True)
        .first()
    )
    if minimum is None:
        return None
    tally = learner_tally(cohort_id=enrollment.cohort_id, learner_id=learner.pk)
    if tally.held == 0:
        return None
    if tally.percent is None or tally.percent < minimum:
        return _("Attendance of the workshops is below the required %(min)s%%.") % {"min": minimum}
    return None
