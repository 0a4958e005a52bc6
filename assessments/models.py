"""ELoGE cycles, municipalities' self-assessments against the 12 Principles, anonymous surveys
and the label.

A statement of the matrix is (principle number, statement 1-3): the 2023 benchmark's outcome
statements, whose texts live on the translatable `governance.Principle` rows, so a rating never
depends on the reader's language. Scales, thresholds and validity are the cycle's data: the
national platform sets them, nothing here hard-codes them.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from academy.core.models import BasePage
from academy.core.script import convert_text
from academy.core.serbian import COUNTERPART
from academy.core.text import cyrillic_to_latin, latin_to_cyrillic
from academy.core.uploads import private_storage

PRINCIPLE_NUMBERS = range(1, 13)
STATEMENT_NUMBERS = range(1, 4)
# Stored in English as the cycle's data; shown translated (`AssessmentCycle.ratings`), while a
# label an administrator writes is shown as written.
DEFAULT_SCALE_LABELS = [
    gettext_noop("Not in place"),
    gettext_noop("Planned"),
    gettext_noop("Partly in place"),
    gettext_noop("Largely in place"),
    gettext_noop("Fully in place"),
]


def default_scale_labels():
    return list(DEFAULT_SCALE_LABELS)


def new_survey_token() -> str:
    return secrets.token_urlsafe(24)


class AssessmentCycle(ClusterableModel):
    """One round of ELoGE (e.g. "ELoGE 2026"): dates, the rating scale, the label rule, and the
    survey's introduction in each language."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), help_text=_("Surveys close and assessments are due at the end of this day.")
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest rating"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Ratings go from 0 to this number."),
    )
    scale_labels = models.JSONField(
        _("rating labels"),
        default=default_scale_labels,
        blank=True,
        help_text=_("One label per rating, from 0 up, as a list of texts (optional)."),
    )
    survey_intro = models.TextField(
        _("survey introduction"),
        blank=True,
        help_text=_(
            "Shown above the survey's questions (one question per principle follows) in a "
            "language without its own introduction below."
        ),
    )
    label_min_overall = models.DecimalField(
        _("label: minimum overall score"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("3.00"),
        help_text=_("The mean of the 12 principles' scores must reach this, on the cycle's scale."),
    )
    label_min_principle = models.DecimalField(
        _("label: minimum score of each principle"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("2.00"),
    )
    label_valid_years = models.PositiveSmallIntegerField(
        _("label valid for (years)"), default=3, validators=[MinValueValidator(1)]
    )
    survey_min_responses = models.PositiveSmallIntegerField(
        _("fewest survey responses shown"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("An audience's results stay hidden below this, so no respondent stands out."),
    )
    recommended_principles = models.PositiveSmallIntegerField(
        _("weakest principles to recommend modules for"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewers"),
        blank=True,
        related_name="reviewed_cycles",
        help_text=_("Experts of the national platform who review this cycle's assessments."),
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("assessment cycle")
        verbose_name_plural = _("assessment cycles")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The cycle cannot end before it starts.")})
        labels = self.scale_labels or []
        if not isinstance(labels, list) or not all(isinstance(text, str) for text in labels):
            raise ValidationError({"scale_labels": _("Give the labels as a list of texts.")})
        if labels and len(labels) != self.scale_max + 1:
            raise ValidationError(
                {
                    "scale_labels": _("Give one label for each rating from 0 to %(max)d.")
                    % {"max": self.scale_max}
                }
            )
        if (
            self.pk
            and Rating.objects.filter(assessment__cycle=self, score__gt=self.scale_max).exists()
        ):
            raise ValidationError(
                {"scale_max": _("Ratings above this were given already: keep the scale.")}
            )
        for field in ("label_min_overall", "label_min_principle"):
            value = getattr(self, field)
            if value is not None and not 0 <= value <= self.scale_max:
                raise ValidationError({field: _("A threshold must be on the rating scale.")})

    @property
    def ratings(self) -> list[tuple[int, str]]:
        """(value, label) for every rating of the scale, 0 first, in the reader's language."""
        labels = self.scale_labels or []
        # gettext("") would be the catalogue's header: an empty label stays the number.
        return [
            (value, gettext(labels[value]) if value < len(labels) and labels[value] else str(value))
            for value in range(self.scale_max + 1)
        ]

    def survey_intro_in(self, language: str) -> str:
        """The survey's introduction in `language`, else the cycle's default one. Serbian is
        written once, in either script, and shown in the reader's."""
        written = "sr" if language in COUNTERPART else language
        text = next((row.text for row in self.introductions.all() if row.language == written), None)
        if text is None:
            return self.survey_intro
        if language in COUNTERPART:
            return convert_text(
                text, cyrillic_to_latin if language == "sr-latn" else latin_to_cyrillic
            )
        return text

    def is_running(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.ends_on


class SurveyIntroduction(Orderable):
    """The survey's introduction written in one language of the site."""

    LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != COUNTERPART["sr"]]

    cycle = ParentalKey(AssessmentCycle, on_delete=models.CASCADE, related_name="introductions")
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=LANGUAGES,
        help_text=_("Serbian: write it once, in either script; readers get theirs."),
    )
    text = models.TextField(_("introduction"))

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "language"], name="one_survey_introduction_per_language"
            )
        ]
        verbose_name = _("survey introduction")
        verbose_name_plural = _("survey introductions")


class Assessment(models.Model):
    """A municipality's self-assessment in a cycle: its coordinator and team fill in the matrix;
    the coordinator submits it; a reviewer returns it for changes or decides on the label."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        DECIDED = "decided", _("Reviewed")

    class Decision(models.TextChoices):
        AWARDED = "awarded", _("Label awarded")
        NOT_YET = "not_yet", _("Not yet")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    cycle = models.ForeignKey(
        AssessmentCycle,
        verbose_name=_("cycle"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="assessments",
        limit_choices_to={"kind": "municipality"},
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_assessments",
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("team members"),
        blank=True,
        related_name="assessment_teams",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    return_comment = models.TextField(_("comment for changes"), blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision, blank=True)
    decision_justification = models.TextField(_("justification of the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["cycle", "municipality__name"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "municipality"], name="one_assessment_per_cycle_municipality"
            ),
        ]

    def __str__(self):
        return f"{self.municipality} · {self.cycle}"

    def clean(self):
        super().clean()
        if (
            self.coordinator_id
            and self.municipality_id
            and self.coordinator.organisation_id != self.municipality_id
        ):
            raise ValidationError(
                {"coordinator": _("The coordinator must belong to the municipality.")}
            )

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class Rating(models.Model):
    """The team's rating of one outcome statement, with its justification and evidence notes."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="ratings"
    )
    principle_number = models.PositiveSmallIntegerField(
        _("principle"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    statement = models.PositiveSmallIntegerField(
        _("outcome statement"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    score = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    evidence_notes = models.TextField(
        _("evidence"), blank=True, help_text=_("Notes and links to documents.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["principle_number", "statement"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "principle_number", "statement"],
                name="one_rating_per_statement",
            ),
            models.CheckConstraint(
                condition=models.Q(principle_number__gte=1, principle_number__lte=12)
                & models.Q(statement__gte=1, statement__lte=3),
                name="rating_statement_exists",
            ),
        ]

    def __str__(self):
        return f"{self.principle_number}.{self.statement}"

    @property
    def key(self) -> str:
        return statement_key(self.principle_number, self.statement)


def statement_key(principle_number: int, statement: int) -> str:
    return f"{principle_number}.{statement}"


def evidence_path(instance, filename):
    return f"assessments/{instance.rating.assessment_id}/{secrets.token_hex(8)}/{filename}"


class Evidence(models.Model):
    """A document supporting a rating. Private: stored outside the public media and served only
    to the assessment's team and its reviewers (assessments.views.evidence_download)."""

    rating = models.ForeignKey(
        Rating, verbose_name=_("rating"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(
        _("file"), upload_to=evidence_path, storage=private_storage, max_length=300
    )
    original_name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")

    def __str__(self):
        return self.original_name


class AssessmentEvent(models.Model):
    """The audit log of an assessment: every change of status, with who, when and why."""

    class Action(models.TextChoices):
        CREATED = "created", _("Opened")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        COMMENTED = "commented", _("Reviewer comment")
        DECIDED = "decided", _("Decision recorded")
        IMPORTED = "imported", _("Paper responses imported")

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    principle_number = models.PositiveSmallIntegerField(_("principle"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("assessment event")
        verbose_name_plural = _("assessment events")

    def __str__(self):
        return f"{self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"


class Label(models.Model):
    """The European Label of Governance Excellence held by a municipality, for a period."""

    assessment = models.OneToOneField(
        Assessment, verbose_name=_("assessment"), on_delete=models.PROTECT, related_name="label"
    )
    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="labels",
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        ordering = ["-valid_from", "municipality__name"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self):
        return f"{self.municipality} ({self.valid_from:%Y}-{self.valid_until:%Y})"


class Survey(models.Model):
    """The public survey of one audience about one assessment's municipality, reached by its
    secret link (no login)."""

    class Audience(models.TextChoices):
        CITIZENS = "citizens", _("Citizens")
        REPRESENTATIVES = "representatives", _("Elected representatives")
        STAFF = "staff", _("Municipal staff")

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="surveys"
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience)
    token = models.CharField(_("link token"), max_length=64, unique=True, default=new_survey_token)
    is_open = models.BooleanField(
        _("open"), default=True, help_text=_("Close the survey early by unticking this.")
    )

    class Meta:
        ordering = ["assessment", "audience"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "audience"], name="one_survey_per_audience"
            ),
        ]

    def __str__(self):
        return f"{self.assessment} · {self.get_audience_display()}"

    def accepts_responses(self, today=None) -> bool:
        return self.is_open and self.assessment.cycle.is_running(today)


class SurveyResponse(models.Model):
    """One anonymous answer to a survey: no name, email, address or time of day is kept."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="responses"
    )
    language = models.CharField(_("language"), max_length=10)
    answered_on = models.DateField(_("answered on"), default=timezone.localdate)
    comment = models.TextField(_("comment"), blank=True)
    from_paper = models.BooleanField(_("from a paper survey"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self):
        return f"{self.survey} #{self.pk}"


class SurveyAnswer(models.Model):
    """A response's rating of one principle (rows, so results are one aggregate query)."""

    response = models.ForeignKey(
        SurveyResponse, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    principle_number = models.PositiveSmallIntegerField(
        _("principle"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    score = models.PositiveSmallIntegerField(_("rating"))

    class Meta:
        ordering = ["principle_number"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "principle_number"], name="one_answer_per_principle"
            ),
        ]

    def __str__(self):
        return f"{self.principle_number}: {self.score}"


class LabelHoldersPage(BasePage):
    """The public page of the municipalities that hold the label today: its title and
    introduction are edited and translated as any page's; the list is the labels awarded."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    script_fields = [*BasePage.script_fields, "intro"]
    template = "assessments/label_holders.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("ELoGE label holders page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import current_labels  # the selectors read these models

        return {**super().get_context(request, *args, **kwargs), "labels": current_labels()}
