from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "academy.accounts"
    label = "accounts"
    default = True  # apps.py also holds Wagtail's user admin's config
    verbose_name = _("Accounts")

    def ready(self):
        from .data_sections import emails, profile
        from .erasure import account_erase
        from .personal_data import register_eraser, register_personal_data

        register_personal_data(profile, order=0)
        register_personal_data(emails, order=90)
        register_eraser(account_erase, order=100)


class LapUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-login User (full name, organisation, role)."""

    user_viewset = "academy.accounts.viewsets.UserViewSet"
