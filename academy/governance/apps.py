from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "academy.governance"
    label = "governance"
    verbose_name = _("Good governance")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from academy.core.page_cache import page_cache_purge

        from .models import Principle

        # Lessons' pages show their principles, kept with the published tree (page_cache).
        post_save.connect(page_cache_purge, sender=Principle, dispatch_uid="principle-saved")
        post_delete.connect(page_cache_purge, sender=Principle, dispatch_uid="principle-deleted")
