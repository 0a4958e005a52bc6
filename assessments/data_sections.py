"""The assessments app's part of "Download my data": the self-assessments a person
coordinates, and the evidence they uploaded. Survey answers are anonymous: nothing of them
is kept with a person."""

from django.utils.translation import gettext as _

from academy.accounts.personal_data import DataSection

from .models import Assessment, Evidence


def self_assessments(*, user) -> DataSection:
    records = [
        {
            "what": _("Coordinator of %(municipality)s in %(cycle)s")
            % {"municipality": row["municipality__name"], "cycle": row["cycle__name"]},
            "status": row["status"],
            "at": row["submitted_at"],
        }
        for row in Assessment.objects.filter(coordinator=user).values(
            "cycle__name", "municipality__name", "status", "submitted_at"
        )
    ]
    uploaded = list(Evidence.objects.filter(uploaded_by=user))
    records += [
        {
            "what": _("Evidence: %(file)s") % {"file": item.original_name},
            "status": "",
            "at": item.uploaded_at,
        }
        for item in uploaded
    ]
    return DataSection(
        name="self_assessments",
        title=_("ELoGE self-assessments"),
        records=records,
        files=[(f"{item.pk}-{item.original_name}", item.file) for item in uploaded],
    )
