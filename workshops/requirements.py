"""Workshops' part in certificates (registered with courses.requirements in `ready()`): a
cohort's attendance rule may set a minimum attendance % for the certificate of its course, and
a certificate template may print `{attendance}`: "attended N of M meetings"."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import Enrollment

from .models import AttendanceRule
from .selectors import learner_tally


def _cohort_id(*, learner, course) -> int | None:
    return (
        Enrollment.objects.filter(learner=learner, course=course, cohort__isnull=False)
        .values_list("cohort_id", flat=True)
        .first()
    )


def minimum_attendance_problem(*, learner, course, rule) -> str | None:
    """A learner in a cohort whose attendance rule sets a minimum must have attended that share
    of the points of the cohort's meetings held so far. No cohort, no minimum, or no meetings
    at all: nothing is asked."""
    cohort_id = _cohort_id(learner=learner, course=course)
    if cohort_id is None:
        return None
    minimum = (
        AttendanceRule.objects.filter(cohort_id=cohort_id)
        .values_list("minimum_percent", flat=True)
        .first()
    )
    if minimum is None:
        return None
    tally = learner_tally(cohort_id=cohort_id, learner_id=learner.pk)
    if tally.held == 0:
        return None
    if tally.percent is None or tally.percent < minimum:
        return _("Attendance of the workshops is below the required %(min)s%%.") % {"min": minimum}
    return None


def attendance_fact(*, learner, course) -> str | None:
    """ "attended N of M meetings" of the learner's cohort in `course`; None without a cohort or
    before its first meeting."""
    cohort_id = _cohort_id(learner=learner, course=course)
    if cohort_id is None:
        return None
    tally = learner_tally(cohort_id=cohort_id, learner_id=learner.pk)
    if tally.held == 0:
        return None
    return ngettext(
        "attended %(attended)s of %(held)s meeting",
        "attended %(attended)s of %(held)s meetings",
        tally.held,
    ) % {"attended": tally.attended, "held": tally.held}
