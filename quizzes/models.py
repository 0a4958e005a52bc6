from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin

from academy.core.models import BasePage
from academy.governance.widgets import PrincipleCheckboxes
from courses.steps import CourseStep, RoutableCourseStep

from .blocks import AnswerKeyBlock


class QuizPage(RoutableCourseStep, RoutablePageMixin, BasePage):
    """A quiz: a course step that a learner completes by passing it."""

    class ReviewPolicy(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately after each attempt")
        AFTER_PASSING = "after_passing", _("After passing")
        AFTER_LAST_ATTEMPT = "after_last_attempt", _("After the last allowed attempt")
        NEVER = "never", _("Never")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    wait_minutes = models.PositiveIntegerField(_("wait between attempts (minutes)"), default=0)
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random from the pool; empty means all."),
    )
    review_policy = models.CharField(
        _("show correct answers"),
        max_length=30,
        choices=ReviewPolicy,
        default=ReviewPolicy.IMMEDIATELY,
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("is_required")]),
                FieldRowPanel([FieldPanel("max_attempts"), FieldPanel("wait_minutes")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("draw_count")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldPanel("review_policy"),
            ],
            heading=_("Quiz rules"),
        ),
        *BasePage.settings_panels,
    ]

    script_fields = [*BasePage.script_fields, "intro"]
    script_children = ["questions"]

    parent_page_types = CourseStep.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")

    def completes_on_mark(self):
        return False

    @path("")
    def overview(self, request, outline):
        from .views import quiz_overview

        return quiz_overview(request, self, outline)

    @path("attempts/start/")
    def start(self, request, outline):
        from .views import attempt_start_view

        return attempt_start_view(request, self)

    @path("attempts/<int:attempt_id>/")
    def attempt(self, request, attempt_id, outline):
        from .views import attempt_view

        return attempt_view(request, self, attempt_id, outline)

    @path("attempts/<int:attempt_id>/result/")
    def result(self, request, attempt_id, outline):
        from .views import attempt_result_view

        return attempt_result_view(request, self, attempt_id, outline)

    def serve_preview(self, request, mode_name):
        from .views import quiz_preview

        return quiz_preview(request, self)


class Question(TranslatableMixin, Orderable, ClusterableModel):
    """A question of a quiz. Translatable, so that wagtail-localize offers its prompt, choices and
    feedback to translators (a plain child row would only be copied from the source), and so that
    the translations of one question share its `translation_key`."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="questions")
    prompt = RichTextField(_("question"), features=["bold", "italic", "link", "ol", "ul"])
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_key = StreamField(AnswerKeyBlock(), verbose_name=_("type and answer"))
    general_feedback = models.TextField(
        _("general feedback"), blank=True, help_text=_("Shown after grading, per review policy.")
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Why the answer is right; shown on review.")
    )
    principles = ParentalManyToManyField(
        "governance.Principle", verbose_name=_("principles"), blank=True, related_name="+"
    )

    script_fields = ["prompt", "answer_key", "general_feedback", "explanation"]

    panels = [
        FieldPanel("prompt"),
        FieldRowPanel([FieldPanel("points"), FieldPanel("image")]),
        FieldPanel("answer_key"),
        FieldPanel("general_feedback"),
        FieldPanel("explanation"),
        FieldPanel("principles", widget=PrincipleCheckboxes),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return f"{self.quiz_id} #{self.sort_order}"

    @property
    def kind(self):
        return self.answer_key[0].block_type if self.answer_key else None


class QuizAttempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        AWAITING_GRADING = "awaiting_grading", _("Awaiting grading")
        GRADED = "graded", _("Graded")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    quiz = models.ForeignKey(
        QuizPage, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    saved_at = models.DateTimeField(_("answers last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    graded_at = models.DateTimeField(_("graded at"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, default=0)
    max_score = models.DecimalField(_("maximum score"), max_digits=7, decimal_places=2, default=0)
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=2, null=True)
    passed = models.BooleanField(_("passed"), null=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    review_policy = models.CharField(max_length=30, choices=QuizPage.ReviewPolicy)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at"]
        constraints = [
            # Two tabs pressing "Start" at once get one attempt: the database refuses the second.
            models.UniqueConstraint(
                fields=["learner", "quiz"],
                condition=Q(status="in_progress"),
                name="one_attempt_in_progress",
            ),
            models.UniqueConstraint(
                fields=["learner", "quiz", "number"], name="unique_attempt_number"
            ),
        ]

    def __str__(self):
        return f"{self.learner} - {self.quiz_id} #{self.number}"

    @property
    def is_in_progress(self):
        return self.status == self.Status.IN_PROGRESS


class AttemptAnswer(models.Model):
    """One drawn question of an attempt: its frozen snapshot, the learner's answer and its grade."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(_("position"))
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField(_("question as asked"))
    response = models.JSONField(_("answer"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    is_correct = models.BooleanField(_("correct"), null=True)
    needs_grading = models.BooleanField(_("needs grading"), default=False, db_index=True)
    grader_comment = models.TextField(_("grader's comment"), blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("graded by"),
    )
    graded_at = models.DateTimeField(_("graded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="unique_answer_position"),
        ]

    def __str__(self):
        return f"{self.attempt} Q{self.position}"
