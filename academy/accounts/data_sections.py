"""The accounts app's part of "Download my data": the profile, and the emails sent."""

from django.utils.translation import gettext as _

from academy.core.models import SentEmail

from .personal_data import DataSection


def profile(*, user) -> DataSection:
    return DataSection(
        name="profile",
        title=_("Your profile"),
        records=[
            {
                "email": user.email,
                "full_name": user.full_name,
                "preferred_language": user.preferred_language,
                "organisation": str(user.organisation or ""),
                "role": user.role,
                "reminders_opt_out": user.reminders_opt_out,
                "date_joined": user.date_joined,
                "last_login": user.last_login,
            }
        ],
    )


def emails(*, user) -> DataSection:
    return DataSection(
        name="emails",
        title=_("Emails we sent you"),
        records=list(
            SentEmail.objects.filter(to__iexact=user.email).values(
                "sent_at", "subject", "template", "language"
            )
        ),
    )
