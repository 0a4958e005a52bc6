"""The certificates app's part of "Download my data": every certificate with its PDF."""

from django.utils.translation import gettext as _

from academy.accounts.personal_data import DataSection

from .codes import new_code
from .models import Certificate


def certificates(*, user) -> DataSection:
    held = list(Certificate.objects.filter(learner=user).order_by("requested_at"))
    return DataSection(
        name="certificates",
        title=_("Certificates"),
        records=[
            {
                "course": certificate.course_title,
                "status": certificate.status,
                "serial": certificate.serial,
                "code": certificate.display_code,
                "name_printed": certificate.learner_name,
                "hours": certificate.hours,
                "score": certificate.score,
                "issued_at": certificate.issued_at,
                "expires_on": certificate.expires_on,
                "revoked_at": certificate.revoked_at,
                "verification_path": certificate.verification_path,
            }
            for certificate in held
        ],
        files=[(f"{c.serial or c.pk}.pdf", c.pdf) for c in held if c.pdf],
    )


def erase(*, user) -> None:
    """The register keeps each certificate's serial, code and course; the name printed, the PDF
    and the salt that tied the badge to the email go. Verification then says the holder's data
    was erased at their request."""
    for certificate in Certificate.objects.filter(learner=user):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.learner_name = ""
        certificate.badge_salt = new_code()
        certificate.save()  # and its search index entry with it
