"""Attendance columns for the cohort progress report and its CSV/XLSX export (registered with
courses.reports in `ready()`)."""

from django.utils.translation import gettext_lazy as _

from courses.models import Enrollment

from .selectors import attendance_tallies


def attendance_columns(course, learner_ids):
    """Attendance % (points earned of points possible over the meetings held) and meetings
    attended of those held, in each learner's cohort of the course. Four queries."""
    cohort_of = dict(
        Enrollment.objects.filter(course=course, learner_id__in=list(learner_ids))
        .exclude(cohort=None)
        .values_list("learner_id", "cohort_id")
    )
    if not cohort_of:
        return [], {}
    tallies, held, _best = attendance_tallies(
        cohort_ids=set(cohort_of.values()), learner_ids=list(cohort_of)
    )
    if not any(held.values()):
        return [], {}
    values = {}
    for learner_id, cohort_id in cohort_of.items():
        tally = tallies.get((cohort_id, learner_id))
        meetings = held[cohort_id]
        values[learner_id] = {
            "attendance_percent": (tally.percent if tally else 0) if meetings else "",
            "attendance_meetings": f"{tally.attended if tally else 0}/{meetings}",
        }
    columns = [
        ("attendance_percent", _("Attendance (%)")),
        ("attendance_meetings", _("Meetings attended")),
    ]
    return columns, values
