"""Certificate status as a column of courses' cohort matrix (registered in ready())."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Certificate


def certificate_status_column(course, learner_ids):
    """One query: each learner's current certificate status for the course."""
    values = {}
    for learner_id, status in (
        Certificate.objects.filter(course=course, learner_id__in=learner_ids)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .order_by("requested_at")
        .values_list("learner_id", "status")
    ):
        values[learner_id] = {"certificate": Certificate.Status(status).label}
    return [("certificate", _("Certificate"))], values


def certificates_per_organisation(organisation_ids):
    """One query: valid certificates held by each organisation's members."""
    counts = (
        Certificate.objects.filter(
            learner__organisation_id__in=organisation_ids, status=Certificate.Status.VALID
        )
        .values("learner__organisation_id")
        .annotate(n=Count("pk"))
    )
    values = {row["learner__organisation_id"]: {"certificates": row["n"]} for row in counts}
    return [("certificates", _("Certificates"))], values
