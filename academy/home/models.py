from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from academy.core.models import BasePage
from academy.core.page_cache import cache_name, page_cache_purge, tree_cached


class HomePage(BasePage):
    """The landing page: what LAP Academy is, with a way into the course catalogue."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("intro")]
    script_fields = [*BasePage.script_fields, "lead", "intro"]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section says it belongs here (parent_page_types), so an app above
    # (the catalogue, ELoGE's label page) adds one without the foundation naming it.

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().only("title", "url_path")
        return context


@register_setting(icon="site")
class BrandingSettings(BaseSiteSetting):
    programme_name = models.CharField(_("programme name"), max_length=120, default="LAP Academy")
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        # The defaults are in the catalogues, so pages show them in the reader's language;
        # a text an administrator writes is shown as written.
        default=gettext_noop("Leadership Academy Programme for local self-governments"),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        default=gettext_noop("A Council of Europe Leadership Academy Programme platform."),
    )

    panels = [FieldPanel("programme_name"), FieldPanel("tagline"), FieldPanel("footer_text")]

    # Every page shows the branding: it is kept with the pages (and forgotten with them).
    @classmethod
    def for_site(cls, site):
        read = super().for_site
        name = cache_name("branding", cls)
        return tree_cached(name, [site.pk], lambda pks: {pk: read(site) for pk in pks})[site.pk]

    def save(self, *args, **kwargs):
        changed = not self._state.adding  # created with the defaults on a first visit: as shown
        super().save(*args, **kwargs)
        if changed:
            page_cache_purge()

    class Meta:
        verbose_name = _("branding")
