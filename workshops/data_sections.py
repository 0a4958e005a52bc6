"""The workshops app's part of "Download my data": attendance at every meeting."""

from django.utils.translation import gettext as _

from academy.accounts.personal_data import DataSection

from .models import Attendance, AttendanceChange, CalendarFeed


def attendance(*, user) -> DataSection:
    return DataSection(
        name="attendance",
        title=_("Attendance at workshop meetings"),
        records=list(
            Attendance.objects.filter(learner=user)
            .order_by("meeting__starts_at")
            .values(
                "meeting__session__title",
                "meeting__label",
                "meeting__starts_at",
                "status__label",
                "note",
                "source",
                "marked_at",
            )
        ),
    )


def erase(*, user) -> None:
    """Notes about them and their calendar address go; the register keeps their marks."""
    Attendance.objects.filter(learner=user).update(note="")
    AttendanceChange.objects.filter(learner=user).update(old_note="", new_note="")
    CalendarFeed.objects.filter(learner=user).delete()
