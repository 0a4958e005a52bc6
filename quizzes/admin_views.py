"""The trainers' grading queue: open answers waiting for a score, in the trainer's courses; and
what of the quizzes a trainer may see in the admin."""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView

from academy.core.spreadsheets import FormulaSafeExportMixin
from academy.core.viewsets import LimitedActionsPolicy, ScopedModelViewSet
from courses.grading import WorkToGrade, graded_since, next_work_to_grade
from courses.permissions import in_courses_trained_by
from courses.translations import originals

from .models import AttemptAnswer, QuizPage
from .services import answer_grade


def answers_gradable_by(user):
    """Answers a user may grade: all for superusers, else those in courses they train."""
    answers = AttemptAnswer.objects.select_related("attempt__learner", "attempt__quiz")
    return in_courses_trained_by(user, answers, "attempt__quiz__path")


def quizzes_reportable_to(user):
    """Quizzes whose reports a user may see: all for superusers, else those in courses they
    train."""
    return in_courses_trained_by(user, QuizPage.objects.all(), "path")


# Answers come only from learners' attempts: the admin grades them, and never adds or deletes
# one (a deleted answer would change a learner's result).
GRADING_PERMISSION_POLICY = LimitedActionsPolicy(AttemptAnswer, refused={"add", "delete"})


class GradingForm(forms.ModelForm):
    score = forms.DecimalField(label=_("score"), min_value=0, decimal_places=2)

    class Meta:
        model = AttemptAnswer
        fields = ["score", "grader_comment"]

    def clean_score(self):
        score = self.cleaned_data["score"]
        points = self.instance.snapshot["points"]
        if score > points:
            raise forms.ValidationError(
                _("Give between 0 and %(points)s points.") % {"points": points}
            )
        return score


def open_answers_gradable_by(user):
    """The grading queue: open answers of submitted attempts, in the courses `user` trains.
    An attempt still in progress is not graded: its submission would grade it afresh."""
    return answers_gradable_by(user).filter(
        snapshot__kind="open", attempt__submitted_at__isnull=False
    )


def open_answer_work(user) -> list[WorkToGrade]:
    """The quizzes' part of the grading queue: open answers waiting, and those graded lately."""
    answers = open_answers_gradable_by(user).filter(
        Q(needs_grading=True) | Q(graded_at__gte=graded_since())
    )
    return [
        WorkToGrade(
            kind="quiz",
            kind_label=_("Open answer"),
            pk=answer.pk,
            learner_id=answer.attempt.learner_id,
            learner_name=answer.attempt.learner.full_name,
            step_title=_("%(quiz)s, question %(position)s")
            % {"quiz": answer.attempt.quiz.title, "position": answer.position},
            step_path=answer.attempt.quiz.path,
            submitted_at=answer.attempt.submitted_at,
            waiting=answer.needs_grading,
            status_label=_("Waiting for grading") if answer.needs_grading else _("Graded"),
            url=reverse("grading:edit", args=[answer.pk]),
        )
        for answer in answers
    ]


class GradingIndexView(FormulaSafeExportMixin, IndexView):
    # Exports carry learners' names, which they choose: never let one run as a formula.
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("attempt__learner", "attempt__quiz")


class GradingEditView(EditView):
    template_name = "quizzes/admin/grade_answer.html"

    def save_instance(self):
        answer_grade(
            answer=self.object,
            score=self.form.cleaned_data["score"],
            comment=self.form.cleaned_data["grader_comment"],
            grader=self.request.user,
        )
        return self.object

    def get_success_url(self):
        """ "Save and grade the next": the answer waiting longest, else back to the queue."""
        if "grade_next" in self.request.POST:
            waiting = next_work_to_grade(
                self.request.user, after_kind="quiz", after_pk=self.object.pk
            )
            if waiting is not None:
                return waiting.url
        return super().get_success_url()


class GradingFilterSet(WagtailFilterSet):
    # A trainer picks among the quizzes of their own courses, each once (attempts are on the
    # original quiz), not every quiz of the platform.
    quiz = django_filters.ModelChoiceFilter(
        field_name="attempt__quiz",
        queryset=lambda request: originals(quizzes_reportable_to(request.user).order_by("title")),
        label=_("Quiz"),
    )

    class Meta:
        model = AttemptAnswer
        fields = ["needs_grading", "quiz"]


class GradingViewSet(ScopedModelViewSet):
    model = AttemptAnswer
    icon = "tick"
    menu_label = _("Open answers")
    add_to_admin_menu = False  # reached from the one grading queue (courses.GradingQueueView)
    index_view_class = GradingIndexView
    edit_view_class = GradingEditView
    filterset_class = GradingFilterSet
    search_fields = ["attempt__learner__full_name", "attempt__learner__email"]
    # Exports follow attributes with dots (Wagtail's multigetattr), not "__" lookups.
    list_export = ["attempt.learner.full_name", "attempt.quiz.title", "score", "graded_at"]
    export_headings = {
        "attempt.learner.full_name": _("Learner"),
        "attempt.quiz.title": _("Quiz"),
        "score": _("Score"),
        "graded_at": _("Graded"),
    }
    ordering = ["-needs_grading", "attempt__submitted_at"]
    copy_view_enabled = False  # add and delete: see GRADING_PERMISSION_POLICY

    def visible_to(self, user):
        return open_answers_gradable_by(user)

    def get_form_class(self, for_update=False):
        return GradingForm

    list_display = [
        TitleColumn("attempt", label=_("Attempt"), url_name="grading:edit"),
        Column("position", label=_("Question")),
        Column("needs_grading", label=_("Needs grading")),
        Column("score", label=_("Score")),
        DateColumn("graded_at", label=_("Graded")),
    ]
