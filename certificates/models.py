import re
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Locale, Orderable, PreviewableMixin, TranslatableMixin
from wagtail.search import index

from academy.core.script import convert_text
from academy.core.serbian import COUNTERPART
from academy.core.text import cyrillic_to_latin
from courses.requirements import certificate_facts
from courses.translations import canonical_pk

from . import codes

PLACEHOLDERS = ["learner", "course", "date", "hours", "principles", "score", "serial"]
PLACEHOLDER = re.compile(r"{(\w+)}")


def placeholders() -> list[str]:
    """The template placeholders: the certificate's own, then the facts the apps register
    (courses.requirements), such as workshops' {attendance}."""
    return PLACEHOLDERS + sorted(certificate_facts())


def _placeholder_help() -> str:
    return _("Placeholders: %(names)s.") % {"names": " ".join(f"{{{p}}}" for p in placeholders())}


def validate_colour(value):
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValidationError(_("Enter a colour as #RRGGBB, for example #0B4F8A."))


def validate_placeholders(text):
    unknown = set(PLACEHOLDER.findall(text)) - set(placeholders())
    if unknown:
        raise ValidationError(
            _("Unknown placeholder(s): %(names)s. Use: %(allowed)s.")
            % {
                "names": ", ".join(sorted(unknown)),
                "allowed": ", ".join(f"{{{p}}}" for p in placeholders()),
            }
        )


class CertificateTemplate(TranslatableMixin, PreviewableMixin, ClusterableModel):
    """How a certificate looks and reads. Editable as a snippet, translatable per language."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("A4 landscape")
        PORTRAIT = "portrait", _("A4 portrait")

    title = models.CharField(_("title"), max_length=200, default="Certificate of Completion")
    body = models.TextField(
        _("text"),
        validators=[validate_placeholders],
        default=(
            "This certifies that {learner} has completed {course} ({hours} hours), "
            "covering the principles {principles}, on {date}."
        ),
        help_text=lazy(_placeholder_help, str)(),
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#0B4F8A", validators=[validate_colour]
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation, default=Orientation.LANDSCAPE
    )

    # Converted between Serbian Cyrillic and Latin on saving (academy.core.serbian).
    script_fields = ["title", "body"]

    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("accent_colour"), FieldPanel("orientation")]),
        InlinePanel("issuers", heading=_("Issuing organisations"), label=_("Issuer")),
        InlinePanel("signatories", heading=_("Signatories"), label=_("Signatory")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self):
        return self.title

    def in_language(self, language_code):
        """This template's translation into `language_code`, or itself if there is none."""
        locale = Locale.objects.filter(language_code=language_code).first()
        return (self.get_translation_or_none(locale) if locale else None) or self

    def with_people(self) -> "CertificateTemplate":
        """The template whose issuers and signatories this one prints: itself, or, when it has
        none of its own, a translation that has (the Serbian Latin template is written from the
        Cyrillic one by academy.core.serbian, which converts its text, not its rows)."""
        counterpart = COUNTERPART.get(self.locale.language_code)
        others = sorted(  # the other Serbian script first, then the original, then the rest
            self.get_translations().select_related("locale").order_by("pk"),
            key=lambda template: template.locale.language_code != counterpart,
        )
        for template in (self, *others):
            if template.issuers.exists() or template.signatories.exists():
                return template
        return self

    def printed_names(self, language: str | None = None) -> dict:
        """The issuers and signatories as a certificate in `language` prints them, to be kept on
        it. On a Serbian Latin certificate, names written in Cyrillic are given in Latin; a
        Latin name is never put into Cyrillic (the Council of Europe keeps its name)."""
        people = self.with_people()
        script = partial(printed_name, language=language)
        return {
            "issuers": [script(issuer.name) for issuer in people.issuers.all()],
            "signatories": [
                {"name": script(s.name), "title": script(s.title)} for s in people.signatories.all()
            ],
        }

    def serve_preview(self, request, mode_name):
        from .views import template_preview

        return template_preview(request, self)


def printed_name(name: str, *, language: str | None) -> str:
    """`name` as a certificate in `language` prints it (see CertificateTemplate.printed_names)."""
    return convert_text(name, cyrillic_to_latin) if language == "sr-latn" else name


class CertificateIssuer(Orderable):
    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="issuers")
    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("logo")]


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    title = models.CharField(pgettext_lazy("job", "title"), max_length=200, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("signature")]


class CourseCertificateRule(models.Model):
    """Whether and how a course awards certificates. Lives here so `courses` knows nothing of
    certificates."""

    class Issuance(models.TextChoices):
        AUTOMATIC = "automatic", _("Automatically on completion")
        MIN_SCORE = "min_score", _("Automatically, with a minimum average quiz score")
        MANUAL = "manual", _("After approval by a certificate administrator")

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="certificate_rule",
    )
    template = models.ForeignKey(
        CertificateTemplate, verbose_name=_("template"), on_delete=models.PROTECT
    )
    issuance = models.CharField(
        _("issuance"), max_length=20, choices=Issuance, default=Issuance.AUTOMATIC
    )
    min_average_score = models.PositiveSmallIntegerField(
        _("minimum average quiz score (%)"), null=True, blank=True
    )
    valid_for_days = models.PositiveIntegerField(
        _("valid for (days)"), null=True, blank=True, help_text=_("Empty: never expires.")
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("template"),
        FieldRowPanel([FieldPanel("issuance"), FieldPanel("min_average_score")]),
        FieldPanel("valid_for_days"),
    ]

    class Meta:
        verbose_name = _("course certificate rule")
        verbose_name_plural = _("course certificate rules")

    def __str__(self):
        return f"{self.course}: {self.get_issuance_display()}"

    def save(self, *args, **kwargs):
        # Chosen in any language, the rule is on the original course, where learners complete.
        if self.course_id:
            self.course_id = canonical_pk(self.course)
        super().save(*args, **kwargs)

    def clean(self):
        if self.issuance == self.Issuance.MIN_SCORE and self.min_average_score is None:
            raise ValidationError({"min_average_score": _("Set the minimum score.")})

    @property
    def minimum_score(self):
        """The score (a percentage) a learner needs, as the registered requirements read it
        (courses.requirements), or None when the rule asks none."""
        return self.min_average_score if self.issuance == self.Issuance.MIN_SCORE else None


class SerialCounter(models.Model):
    """The last serial number issued in a year; locked while issuing, so serials have no gaps."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Certificate(index.Indexed, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    template = models.ForeignKey(
        CertificateTemplate, verbose_name=_("template"), on_delete=models.PROTECT
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    serial = models.CharField(_("serial number"), max_length=20, null=True, blank=True)
    code = models.CharField(
        _("verification code"), max_length=16, unique=True, default=codes.new_code
    )
    # The certificate this one follows: a corrected one (now superseded), or a revoked one that
    # an administrator issued again. One follower at most.
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    # Snapshots as printed: later changes to names, titles or scores never alter a certificate.
    learner_name = models.CharField(_("learner's name"), max_length=200, blank=True)
    course_title = models.CharField(_("course"), max_length=255, blank=True)
    hours = models.PositiveSmallIntegerField(_("hours"), default=0)
    principles = models.JSONField(_("principles"), default=list, blank=True)
    # {placeholder: line} of the registered facts the template asked for, as issued.
    facts = models.JSONField(_("facts"), default=dict, blank=True)
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True)
    issuers = models.JSONField(_("issuing organisations"), default=list, blank=True)
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/", blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    badge_salt = models.CharField(max_length=32, default=codes.new_code)

    search_fields = [
        index.SearchField("learner_name"),
        index.SearchField("serial"),
        index.SearchField("code"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-requested_at"]
        constraints = [
            # One live certificate (valid or awaiting approval) per learner and course.
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=Q(status__in=["pending", "valid"]),
                name="one_live_certificate_per_course",
            ),
            models.UniqueConstraint(
                fields=["serial"], condition=Q(serial__isnull=False), name="unique_serial"
            ),
        ]

    def __str__(self):
        return self.serial or _("Certificate request #%(pk)s") % {"pk": self.pk}

    @property
    def stated_facts(self) -> list[tuple[str, str]]:
        """The facts printed on this certificate as (label in the active language, line)."""
        registered = certificate_facts()
        return [
            (registered[name].label if name in registered else name, line)
            for name, line in self.facts.items()
        ]

    @property
    def verification_path(self):
        from django.urls import reverse

        return reverse("certificates:verify", args=[self.display_code])

    @property
    def display_code(self):
        return codes.display(self.code)

    @property
    def is_expired(self):
        from django.utils import timezone

        return self.expires_on is not None and self.expires_on < timezone.localdate()


class BulkIssueJob(models.Model):
    """Issuing certificates to every qualifying learner of a course (or of one of its cohorts),
    run by Celery tasks, a chunk of learners each; the admin shows its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    cohort = models.ForeignKey(
        "courses.Cohort", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    # Of the skipped, those whose certificate for the course was revoked: a bulk issue never
    # gives them a new one (only "Issue again" on the revoked certificate does).
    skipped_revoked = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # Which run of the job counts (a run started again after its worker died starts a new one),
    # and the chunks of learners it has counted: a chunk run again counts once.
    run = models.PositiveIntegerField(default=0, editable=False)
    done_chunks = models.JSONField(default=list, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Saved whenever the job moves on (a run starts, a chunk is counted): a job queued or
    # running that has not moved for long lost its tasks, and is started again.
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issue")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.cohort or self.course} ({self.processed}/{self.total})"

    @property
    def percent(self):
        return round(100 * self.processed / self.total) if self.total else 100
