"""The trainers' grading queue: open answers waiting for a score, in the trainer's courses; and
what of the quizzes a trainer may see in the admin."""

from functools import reduce
from operator import or_

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
from courses.models import CoursePage
from courses.translations import originals

from .models import AttemptAnswer, QuizPage
from .services import answer_grade


def in_courses_trained_by(user, queryset, path_field):
    """`queryset` narrowed to rows whose page at `path_field` lies in a course `user` trains
    (a page is in a course when its tree path starts with the course's); all for superusers."""
    if user.is_superuser:
        return queryset
    paths = list(CoursePage.objects.filter(trainers=user).values_list("path", flat=True))
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, (Q(**{f"{path_field}__startswith": p}) for p in paths)))


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


def next_answer_to_grade(user, *, after):
    """The open answer that has waited longest for `user`, other than `after`, or None."""
    return (
        open_answers_gradable_by(user)
        .filter(needs_grading=True)
        .exclude(pk=after.pk)
        .order_by("attempt__submitted_at", "pk")
        .first()
    )


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
            waiting = next_answer_to_grade(self.request.user, after=self.object)
            if waiting is not None:
                return reverse(self.edit_url_name, args=[waiting.pk])
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
    menu_label = _("Grading")
    menu_order = 310
    add_to_admin_menu = True
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
