import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from academy.core.blocks import ContentStreamBlock
from academy.core.models import BasePage
from academy.core.uploads import private_storage
from courses.steps import CourseStep, RoutableCourseStep

from .blocks import RubricBlock
from .rubrics import assessed_criteria, rubric_max, rubric_snapshot

# What learners may hand in, by the choice a trainer makes; each checked by content
# (academy.core.uploads) and never served from a public URL.
FILE_TYPES = {
    "documents": ["pdf", "docx", "odt", "pptx", "xlsx"],
    "documents_and_images": ["pdf", "docx", "odt", "pptx", "xlsx", "png", "jpg", "jpeg"],
    "pdf": ["pdf"],
    "images": ["png", "jpg", "jpeg"],
}
MAX_FILE_MB = 20
MAX_FILES = 5


class AssignmentPage(RoutableCourseStep, RoutablePageMixin, BasePage):
    """Work a learner hands in (text, files or both) and a trainer grades with a rubric; a pass
    completes the step."""

    class HandIn(models.TextChoices):
        TEXT = "text", _("Text")
        FILES = "files", _("Files")
        BOTH = "both", _("Text and files")

    class FileTypes(models.TextChoices):
        DOCUMENTS = "documents", _("Documents (PDF, DOCX, ODT, PPTX, XLSX)")
        DOCUMENTS_AND_IMAGES = "documents_and_images", _("Documents and images (PNG, JPG)")
        PDF = "pdf", _("PDF only")
        IMAGES = "images", _("Images only (PNG, JPG)")

    instructions = StreamField(ContentStreamBlock(), verbose_name=_("instructions"))
    hand_in = models.CharField(
        _("what to hand in"), max_length=10, choices=HandIn, default=HandIn.BOTH
    )
    file_types = models.CharField(
        _("accepted files"),
        max_length=30,
        choices=FileTypes,
        default=FileTypes.DOCUMENTS_AND_IMAGES,
    )
    max_file_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"),
        default=MAX_FILE_MB,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FILE_MB)],
    )
    max_files = models.PositiveSmallIntegerField(
        _("files at most"),
        default=MAX_FILES,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FILES)],
    )
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    due_days_after_start = models.PositiveSmallIntegerField(
        _("due days after the cohort starts"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(730)],
        help_text=_(
            "For learners in a cohort with a start date: due at the end of that day. "
            "Otherwise the date above applies."
        ),
    )
    accepts_late = models.BooleanField(
        _("accept late work"), default=True, help_text=_("Late work is marked late.")
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=60,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("A share of the rubric's points."),
    )
    required_for_certificate = models.BooleanField(
        _("required for the certificate"),
        default=True,
        help_text=_("The course's certificate is issued only to learners who passed this."),
    )
    rubric = StreamField(RubricBlock(), verbose_name=_("rubric"))
    peer_review = models.BooleanField(
        _("peer review"),
        default=False,
        help_text=_(
            "After handing in, each learner reviews colleagues' work of their cohort with the "
            "rubric, without names. Only the trainer's grade counts."
        ),
    )
    peer_reviews_per_learner = models.PositiveSmallIntegerField(
        _("reviews per learner"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("instructions"),
        FieldPanel("rubric"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("hand_in"), FieldPanel("file_types")]),
                FieldRowPanel([FieldPanel("max_file_mb"), FieldPanel("max_files")]),
                FieldRowPanel([FieldPanel("due_at"), FieldPanel("due_days_after_start")]),
                FieldRowPanel([FieldPanel("accepts_late"), FieldPanel("pass_mark")]),
                FieldRowPanel([FieldPanel("is_required"), FieldPanel("required_for_certificate")]),
                FieldRowPanel([FieldPanel("peer_review"), FieldPanel("peer_reviews_per_learner")]),
            ],
            heading=_("Assignment rules"),
        ),
        *BasePage.settings_panels,
    ]
    script_fields = [*BasePage.script_fields, "instructions", "rubric"]

    parent_page_types = CourseStep.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("assignment")

    def completes_on_mark(self):
        return False

    @property
    def takes_text(self) -> bool:
        return self.hand_in in (self.HandIn.TEXT, self.HandIn.BOTH)

    @property
    def takes_files(self) -> bool:
        return self.hand_in in (self.HandIn.FILES, self.HandIn.BOTH)

    @property
    def extensions(self) -> list[str]:
        return FILE_TYPES[self.file_types]

    @property
    def max_points(self) -> int:
        return rubric_max(rubric_snapshot(self.rubric))

    def due_for(self, cohort_start=None) -> datetime | None:
        """When work is due for a learner whose cohort started on `cohort_start` (a date or
        None): the end of the day `due_days_after_start` after it, else `due_at`."""
        if self.due_days_after_start is not None and cohort_start is not None:
            day = cohort_start + timedelta(days=self.due_days_after_start)
            return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))
        return self.due_at

    @path("")
    def overview(self, request, outline):
        from .views import assignment_view

        return assignment_view(request, self, outline)

    @path("reviews/<int:review_id>/")
    def peer_review_page(self, request, review_id, outline):
        from .views import peer_review_view

        return peer_review_view(request, self, review_id, outline)

    def serve_preview(self, request, mode_name):
        from .views import assignment_preview

        return assignment_preview(request, self)


class Submission(models.Model):
    """One version of a learner's work on an assignment. A returned version stays as it was;
    the learner's revision is the next version. At most one draft per learner and assignment."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for grading")
        RETURNED = "returned", _("Returned for revision")
        GRADED = "graded", _("Graded")

    assignment = models.ForeignKey(
        AssignmentPage,
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    text = models.TextField(_("text"), blank=True, max_length=50_000)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    # Frozen at submission: the rubric the learner saw is the one the work is graded with.
    rubric = models.JSONField(_("rubric"), default=list, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark"), default=0)
    # The trainer's grade or return.
    levels = models.JSONField(_("chosen levels"), default=dict, blank=True)
    criterion_feedback = models.JSONField(_("feedback per criterion"), default=dict, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    score = models.PositiveIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveIntegerField(_("points possible"), null=True, blank=True)
    percent = models.DecimalField(
        _("percent"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["assignment", "learner", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "learner", "version"], name="one_submission_per_version"
            ),
            models.UniqueConstraint(
                fields=["assignment", "learner"],
                condition=Q(status="draft"),
                name="one_draft_per_learner",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.learner} · {self.assignment} · v{self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def criteria(self) -> list[dict]:
        """The frozen rubric with the trainer's chosen level and feedback on each criterion."""
        return assessed_criteria(self.rubric, self.levels, self.criterion_feedback)


def submission_file_path(instance, filename):
    return f"assignments/{instance.submission.assignment_id}/{secrets.token_hex(8)}/{filename}"


class SubmissionFile(models.Model):
    """A file of a submission. Private: outside the public media, served only to its learner,
    the course's trainers and administrators (assignments.views.submission_file)."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        _("file"), upload_to=submission_file_path, storage=private_storage, max_length=300
    )
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self):
        return self.original_name


class PeerReview(models.Model):
    """A learner's assessment of a colleague's submitted version with its rubric. Learners see
    it without the reviewer's name; it counts for nothing, the trainer's grade does."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="peer_reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="peer_reviews",
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    levels = models.JSONField(_("chosen levels"), default=dict, blank=True)
    criterion_feedback = models.JSONField(_("feedback per criterion"), default=dict, blank=True)
    feedback = models.TextField(_("feedback"), blank=True, max_length=10_000)
    score = models.PositiveIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveIntegerField(_("points possible"), null=True, blank=True)

    class Meta:
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="one_peer_review_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.submission}"

    @property
    def is_sent(self) -> bool:
        return self.submitted_at is not None

    def criteria(self) -> list[dict]:
        return assessed_criteria(self.submission.rubric, self.levels, self.criterion_feedback)


class ActionPlanPage(RoutableCourseStep, RoutablePageMixin, BasePage):
    """A step where a learner, with colleagues of their organisation, writes their
    municipality's or CSO's action plan: goals tied to principles, actions with owners, due
    dates and statuses, and indicators. A trainer's approval completes the step; the plan
    stays open to updates after the course."""

    instructions = StreamField(ContentStreamBlock(), verbose_name=_("instructions"))

    content_panels = [*BasePage.content_panels, FieldPanel("instructions")]
    settings_panels = [FieldPanel("is_required"), *BasePage.settings_panels]
    script_fields = [*BasePage.script_fields, "instructions"]

    parent_page_types = CourseStep.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("action plan step")

    def completes_on_mark(self):
        return False

    @path("")
    def plan(self, request, outline):
        from .plan_views import action_plan_view

        return action_plan_view(request, self, outline)

    @path("pdf/")
    def plan_pdf(self, request, outline):
        from .plan_views import action_plan_pdf

        return action_plan_pdf(request, self)

    def serve_preview(self, request, mode_name):
        from .plan_views import action_plan_preview

        return action_plan_preview(request, self)


class ActionPlan(models.Model):
    """An organisation's plan for one action plan step (or one learner's, without an
    organisation): every member of the organisation enrolled in the course writes in it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")

    step = models.ForeignKey(
        ActionPlanPage, verbose_name=_("step"), on_delete=models.PROTECT, related_name="plans"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plans",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_comment = models.TextField(_("trainer's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(
                fields=["step", "organisation"],
                condition=Q(organisation__isnull=False),
                name="one_plan_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["step", "started_by"],
                condition=Q(organisation__isnull=True),
                name="one_plan_per_learner_alone",
            ),
        ]

    def __str__(self):
        return f"{self.organisation or self.started_by} · {self.step}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="goals"
    )
    text = models.CharField(_("goal"), max_length=300)
    principles = models.JSONField(_("principles"), default=list, blank=True)
    indicators = models.TextField(_("indicators"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.text


class PlanAction(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    goal = models.ForeignKey(
        PlanGoal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="actions"
    )
    text = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("who"), max_length=150)
    due_on = models.DateField(_("by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.text


class PlanChange(models.Model):
    """The plan's history: who changed what, when (kept after the course too)."""

    class Kind(models.TextChoices):
        GOAL = "goal", _("Goal added")
        ACTION = "action", _("Action added")
        STATUS = "status", _("Action status changed")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with comments")

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="changes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("change"), max_length=10, choices=Kind)
    subject = models.CharField(_("what"), max_length=300, blank=True)
    status = models.CharField(_("new status"), max_length=10, blank=True, choices=PlanAction.Status)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("plan change")
        verbose_name_plural = _("plan changes")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.subject}"
