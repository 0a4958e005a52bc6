from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "academy.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from wagtail.signals import page_published

        from . import checks, serbian  # noqa: F401 - checks registers itself
        from .page_cache import connect_purge_signals

        # Serbian Cyrillic and Latin: publishing one writes the other (see serbian.py).
        page_published.connect(serbian.on_page_published, dispatch_uid="core.serbian_pages")
        post_save.connect(serbian.on_snippet_saved, dispatch_uid="core.serbian_snippets")
        connect_purge_signals()
