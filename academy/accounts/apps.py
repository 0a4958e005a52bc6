from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "academy.accounts"
    label = "accounts"
    verbose_name = _("Accounts")


class LapUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-login User (full name, organisation, role)."""

    user_viewset = "academy.accounts.viewsets.UserViewSet"
