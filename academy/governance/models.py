from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class PrincipleQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("number")

    def with_original_pk(self):
        """Each row with `original_pk`: the id of the principle as written, the first created of
        its translations (the seeded row; what pages, lessons and questions point at)."""
        first = (
            Principle.objects.filter(translation_key=OuterRef("translation_key"))
            .order_by("pk")
            .values("pk")[:1]
        )
        return self.annotate(original_pk=Subquery(first))

    def originals(self):
        """Each principle once, as written (see `with_original_pk`)."""
        return self.with_original_pk().filter(pk=F("original_pk"))


class Principle(TranslatableMixin, index.Indexed, models.Model):
    """One of the Council of Europe's 12 Principles of Good Democratic Governance.

    `number` follows CM/Rec(2023)5; `number_2008` keeps the 2008 Strategy's numbering, which older
    material still uses. Seeded by a data migration; editable as a snippet.
    """

    number = models.PositiveSmallIntegerField(_("number (2023)"))
    number_2008 = models.PositiveSmallIntegerField(_("number (2008)"))
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    outcome_1 = models.TextField(_("outcome statement 1"), blank=True)
    outcome_2 = models.TextField(_("outcome statement 2"), blank=True)
    outcome_3 = models.TextField(_("outcome statement 3"), blank=True)

    objects = PrincipleQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("summary"),
        index.FilterField("locale_id"),
    ]

    # Converted between Serbian Cyrillic and Latin on saving (academy.core.serbian).
    script_fields = ["name", "summary", "outcome_1", "outcome_2", "outcome_3"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        verbose_name = _("principle of good democratic governance")
        verbose_name_plural = _("principles of good democratic governance")
        constraints = [
            models.UniqueConstraint(fields=["locale", "number"], name="unique_principle_number"),
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_principle_slug"),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def outcomes(self):
        return [text for text in (self.outcome_1, self.outcome_2, self.outcome_3) if text]
