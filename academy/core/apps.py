from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "academy.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .page_cache import connect_purge_signals

        connect_purge_signals()
