import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from academy.core.blocks import ContentStreamBlock
from academy.core.models import BasePage
from academy.core.search import search_fold, stream_text
from academy.governance.widgets import PrincipleCheckboxes

from .steps import CourseStep, step_models
from .translations import canonical_pk


class CourseIndexPage(BasePage):
    """The catalogue: every published course, with the learner's progress on those they take."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    script_fields = [*BasePage.script_fields, "intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .catalogue import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context["cards"] = catalogue_for(index=self, learner=request.user)
        return context


class CoursePageTag(TaggedItemBase):
    content_object = ParentalKey("courses.CoursePage", related_name="tagged_items")


class CoursePage(BasePage):
    class EnrollmentPolicy(models.TextChoices):
        OPEN = "open", _("Open: any signed-in learner can enroll")
        INVITATION = "invitation", _("Invitation only: learners are enrolled by staff")

    summary = models.TextField(_("summary"), max_length=600)
    learning_outcomes = RichTextField(
        _("learning outcomes"), blank=True, features=["bold", "italic", "ul", "ol"]
    )
    audience = models.TextField(_("who it is for"), blank=True)
    estimated_hours = models.PositiveSmallIntegerField(
        _("estimated hours"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    principles = ParentalManyToManyField(
        "governance.Principle", verbose_name=_("principles"), blank=True, related_name="+"
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="courses_trained",
        limit_choices_to={"groups__name": "Trainers"},
    )
    tags = ClusterTaggableManager(through=CoursePageTag, blank=True, verbose_name=_("tags"))
    enrollment_policy = models.CharField(
        _("enrollment"), max_length=20, choices=EnrollmentPolicy, default=EnrollmentPolicy.OPEN
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("learning_outcomes"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_hours"),
                FieldPanel("enrollment_policy"),
                FieldPanel("trainers"),
            ],
            heading=_("Delivery"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("principles", widget=PrincipleCheckboxes),
                FieldPanel("tags"),
            ],
            heading=_("Principles and tags"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
    ]
    script_fields = [*BasePage.script_fields, "summary", "learning_outcomes", "audience"]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    @property
    def is_invitation_only(self):
        return self.enrollment_policy == self.EnrollmentPolicy.INVITATION

    def get_context(self, request, *args, **kwargs):
        from .catalogue import trainers_of
        from .outline import course_outline_for

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline_for(course=self, learner=request.user)
        context["trainers"] = trainers_of(self)
        return context


class ModulePage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    script_fields = [*BasePage.script_fields, "intro"]

    parent_page_types = ["courses.CoursePage"]
    # Steps are every page type that inherits CourseStep, including those of higher apps
    # (quizzes), which `courses` must not name; see clean_subpage_models.
    subpage_types = []

    class Meta:
        verbose_name = _("module")

    @classmethod
    def clean_subpage_models(cls):
        return step_models()

    def get_context(self, request, *args, **kwargs):
        from .outline import course_outline_for

        context = super().get_context(request, *args, **kwargs)
        course = CoursePage.objects.ancestor_of(self).get()
        outline = course_outline_for(course=course, learner=request.user)
        context.update(outline=outline, module_entry=outline.module(self))
        return context


class LessonPageTag(TaggedItemBase):
    content_object = ParentalKey("courses.LessonPage", related_name="tagged_items")


class LessonPage(CourseStep, BasePage):
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    principles = ParentalManyToManyField(
        "governance.Principle", verbose_name=_("principles"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(through=LessonPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("is_required"),
                FieldPanel("principles", widget=PrincipleCheckboxes),
                FieldPanel("tags"),
            ],
            heading=_("About this lesson"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("folded_text"),
    ]
    script_fields = [*BasePage.script_fields, "body"]

    parent_page_types = CourseStep.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def folded_text(self) -> str:
        """Title and body without diacritics, in Latin script, for lesson search
        (`courses.catalogue.search_lessons`)."""
        return search_fold(f"{self.title} {stream_text(self.body.raw_data)}")

    def get_context(self, request, *args, outline=None, **kwargs):
        from .outline import step_context

        context = super().get_context(request, *args, **kwargs)
        context.update(step_context(step=self, learner=request.user, outline=outline))
        # As published, kept with the course's outline; a preview shows the draft's own.
        preview = getattr(request, "is_preview", False)
        principles = context["outline"].principles.get(self.pk)
        if principles is None or preview:
            principles = self.principles.all()
        context["principles"] = principles
        return context


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    # PROTECT: a course with learners cannot be deleted by accident (see wagtail_hooks).
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="enrollments"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_step = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("last step visited"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="unique_enrollment"),
        ]

    def __str__(self):
        return f"{self.learner} - {self.course}"

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED


def new_invitation_token():
    return secrets.token_urlsafe(24)  # 192 bits: cannot be guessed


class Cohort(models.Model):
    """A group of learners from some municipalities taking a course together with trainers."""

    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=200)
    organisations = models.ManyToManyField(
        "accounts.Organisation", verbose_name=_("organisations"), blank=True, related_name="cohorts"
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="cohorts_trained",
        limit_choices_to={"groups__name": "Trainers"},
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    invitation_token = models.CharField(
        _("invitation token"), max_length=64, unique=True, default=new_invitation_token
    )
    invitation_open = models.BooleanField(
        _("invitation link open"),
        default=True,
        help_text=_("Close it to stop new learners joining through the link."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Chosen in any language, a cohort takes the original course, where enrollments and
        # progress are kept (courses/translations.py).
        if self.course_id:
            self.course_id = canonical_pk(self.course)
        super().save(*args, **kwargs)

    def is_active_on(self, day):
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or day <= self.ends_on
        )

    @staticmethod
    def active_on_filter(day, *, prefix="") -> models.Q:
        """`is_active_on` as a query filter; `prefix` reaches the cohort through a relation
        (e.g. "cohort__" from Enrollment)."""
        return (
            models.Q(**{f"{prefix}starts_on__isnull": True})
            | models.Q(**{f"{prefix}starts_on__lte": day})
        ) & (
            models.Q(**{f"{prefix}ends_on__isnull": True})
            | models.Q(**{f"{prefix}ends_on__gte": day})
        )


class StepProgress(models.Model):
    """A learner's progress on one step. Deleting the step deletes it; the course's completion
    (on Enrollment) stays."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="step_progress"
    )
    step = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("step progress")
        verbose_name_plural = _("step progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "step"], name="unique_step_progress"),
        ]

    def __str__(self):
        return f"{self.learner} - {self.step_id}"


class Reflection(models.Model):
    """A learner's answer to a reflection prompt of a lesson: private to the learner unless
    they share it with the course's trainers. On the original lesson (any language's prompt is
    the same block); the prompt is kept as the learner read it."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="reflections",
    )
    lesson = models.ForeignKey(
        LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(_("prompt"), max_length=64)
    prompt = models.TextField(_("prompt"))
    text = models.TextField(_("reflection"), max_length=10_000)
    shared = models.BooleanField(_("shared with my trainers"), default=False)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering = ["lesson__path", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson", "block_id"], name="one_reflection_per_prompt"
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.prompt[:40]}"
