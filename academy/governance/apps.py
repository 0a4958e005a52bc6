from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "academy.governance"
    label = "governance"
    verbose_name = _("Good governance")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Principle
        from .selectors import principle_names_forget

        # Pages, results and reports name principles from `principle_names`, kept per language.
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                principle_names_forget, sender=Principle, dispatch_uid=f"principle-names-{name}"
            )
