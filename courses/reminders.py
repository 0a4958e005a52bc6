"""Who gets an inactivity reminder (sent by `courses.services.reminders_send`)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import TYPE_CHECKING

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Cohort, Enrollment

if TYPE_CHECKING:
    from academy.accounts.models import User


INACTIVE_DAYS = 14  # a learner this many days without activity gets a reminder
REMINDER_INTERVAL_DAYS = 7  # and at most one reminder in this many days


@dataclass(frozen=True)
class InactivityReminder:
    """One email to write: a learner and the cohort enrollments they have let rest."""

    learner: "User"
    enrollments: list[Enrollment]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def not_reminded_recently(*, today: date, prefix="") -> Q:
    """A filter on users: no reminder in the last 7 calendar days, today included."""
    reminded_before = _start_of(today - timedelta(days=REMINDER_INTERVAL_DAYS - 1))
    return Q(**{f"{prefix}last_reminded_at__isnull": True}) | Q(
        **{f"{prefix}last_reminded_at__lt": reminded_before}
    )


def learners_to_remind(*, today: date) -> list[InactivityReminder]:
    """Learners to remind today, each once with all their qualifying enrollments (ordered by
    course title): enrolled through a cohort active today in a live course, not completed, last
    active (or enrolled, if never active) 14 or more calendar days ago, not opted out, not
    reminded in the last 7 days, and with an active account.

    Days are calendar days in the site's time zone, so a weekly run a few seconds earlier
    than last week's still counts a week. One query, however many learners."""
    inactive_before = _start_of(today - timedelta(days=INACTIVE_DAYS - 1))
    enrollments = (
        Enrollment.objects.filter(
            Cohort.active_on_filter(today, prefix="cohort__"),
            not_reminded_recently(today=today, prefix="learner__"),
            cohort__isnull=False,
            completed_at__isnull=True,
            course__live=True,
            learner__is_active=True,
            learner__reminders_opt_out=False,
        )
        .exclude(status=Enrollment.Status.COMPLETED)
        .alias(last_seen=Coalesce("last_activity_at", "enrolled_at"))
        .filter(last_seen__lt=inactive_before)
        .select_related("learner", "course")
        .order_by("learner_id", "course__title", "pk")
    )
    return [
        InactivityReminder(learner=rows[0].learner, enrollments=rows)
        for rows in (list(group) for _id, group in groupby(enrollments, key=lambda e: e.learner_id))
    ]
