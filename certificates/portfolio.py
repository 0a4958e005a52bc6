"""The portfolio's certificates: each valid one with its hours, principles and the address
anyone can verify it at. One query."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from academy.core.documents import Entry, Section
from academy.core.formatting import day

from .models import Certificate


def certificates_section(*, learner) -> Section:
    certificates = Certificate.objects.filter(
        learner=learner, status=Certificate.Status.VALID
    ).order_by("-issued_at")
    entries = [
        Entry(
            title=certificate.course_title,
            meta=" · ".join(
                [
                    _("Issued %(date)s") % {"date": day(certificate.issued_at)},
                    _("No. %(serial)s") % {"serial": certificate.serial},
                    ngettext("%(count)s hour", "%(count)s hours", certificate.hours)
                    % {"count": certificate.hours},
                ]
            ),
            url=certificate.verification_path,
            paragraphs=[", ".join(f"{p['number']}. {p['name']}" for p in certificate.principles)],
        )
        for certificate in certificates
    ]
    return Section(
        title=_("Certificates"),
        entries=entries,
        empty=_("No certificate yet. Courses that award one issue it when you complete them."),
    )
