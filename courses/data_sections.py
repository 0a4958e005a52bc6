"""The courses app's part of "Download my data": enrollments, progress and the journal."""

from django.utils.translation import gettext as _

from academy.accounts.personal_data import DataSection

from .models import Enrollment, Reflection, StepProgress


def enrollments(*, user) -> DataSection:
    return DataSection(
        name="enrollments",
        title=_("Enrollments"),
        records=list(
            Enrollment.objects.filter(learner=user).values(
                "course__title",
                "cohort__name",
                "status",
                "enrolled_at",
                "completed_at",
                "last_activity_at",
            )
        ),
    )


def progress(*, user) -> DataSection:
    return DataSection(
        name="progress",
        title=_("Progress through the steps"),
        records=list(
            StepProgress.objects.filter(learner=user)
            .order_by("started_at")
            .values("step__title", "started_at", "completed_at")
        ),
    )


def journal(*, user) -> DataSection:
    return DataSection(
        name="journal",
        title=_("My journal"),
        records=list(
            Reflection.objects.filter(learner=user).values(
                "lesson__title", "prompt", "text", "shared", "created_at", "updated_at"
            )
        ),
    )


def erase(*, user) -> None:
    """The journal is theirs alone; enrollments and progress stay, anonymous, in the counts."""
    Reflection.objects.filter(learner=user).delete()
