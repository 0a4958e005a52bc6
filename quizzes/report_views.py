"""The quiz item analysis report in the Wagtail admin (Reports menu): the quizzes a user may
report on, and per quiz how each question performed, with CSV and XLSX export.

Superusers see every quiz; trainers the quizzes in the courses they train; anyone else is
refused. The measures are defined in `reports`."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from academy.core.formatting import percent
from academy.core.spreadsheets import FormulaSafeExportMixin
from courses.models import CoursePage

from .admin_views import quizzes_reportable_to
from .blocks import AnswerKeyBlock
from .models import QuizAttempt
from .selectors import quiz_item_analysis_for

KIND_LABELS = {name: block.label for name, block in AnswerKeyBlock.base_blocks.items()}


def may_see_quiz_reports(user) -> bool:
    return user.is_superuser or CoursePage.objects.filter(trainers=user).exists()


class QuizReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_quiz_reports(request.user)


class QuizReportMixin:
    """Refuses (403) anyone who neither is a superuser nor trains a course."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_quiz_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def kind_label(kind):
    return KIND_LABELS.get(kind, kind)


def as_percent(share):
    return percent(100 * share)


def discrimination_display(item):
    if item.discrimination is None:
        return _("Too few attempts")
    return number_format(item.discrimination, decimal_pos=2)


def wrong_answer_display(item):
    wrong = item.most_chosen_wrong
    return f"{wrong.text} ({number_format(wrong.count)})" if wrong else ""


class QuizReportIndexView(QuizReportMixin, ReportView):
    """The quizzes to choose from, with their course and number of graded attempts."""

    page_title = _("Quiz item analysis")
    header_icon = "table"
    index_url_name = "quiz_item_analysis_index"
    default_ordering = "path"
    verbose_name_plural = _("quizzes")
    columns = [
        TitleColumn(
            "title",
            label=_("Quiz"),
            get_url=lambda quiz: reverse("quiz_item_analysis", args=[quiz.pk]),
        ),
        Column("course_title", label=_("Course")),
        Column("graded_attempts", label=_("Graded attempts")),
        LiveStatusTagColumn(),
    ]

    def get_base_queryset(self):
        return quizzes_reportable_to(self.request.user).annotate(
            graded_attempts=Count("attempts", filter=Q(attempts__status=QuizAttempt.Status.GRADED))
        )

    def decorate_paginated_queryset(self, quizzes):
        # Each quiz's course, in one query: the courses whose paths begin the quizzes' paths.
        quizzes = list(quizzes)
        ancestor_paths = {
            quiz.path[:end]
            for quiz in quizzes
            for end in range(Page.steplen, len(quiz.path), Page.steplen)
        }
        courses = dict(
            CoursePage.objects.filter(path__in=ancestor_paths).values_list("path", "title")
        )
        for quiz in quizzes:
            quiz.course_title = next(
                (title for path, title in courses.items() if quiz.path.startswith(path)), ""
            )
        return quizzes


class QuizItemAnalysisView(QuizReportMixin, FormulaSafeExportMixin, ReportView):
    """How each question of one quiz performed; quizzes outside the user's courses are 404."""

    page_title = _("Item analysis")
    header_icon = "table"
    results_template_name = "quizzes/admin/item_analysis_results.html"
    paginate_by = None  # one quiz's questions fit on a page, and read best side by side
    no_results_message = _("Nobody has finished this quiz yet.")
    columns = [
        Column("prompt", label=_("Question"), accessor=lambda q: Truncator(q.prompt).chars(160)),
        Column("kind", label=_("Type"), accessor=lambda q: kind_label(q.kind)),
        Column("asked", label=_("Asked")),
        Column("answered", label=_("Answered")),
        Column("correct_share", label=_("Correct"), accessor=lambda q: as_percent(q.correct_share)),
        Column(
            "average_score",
            label=_("Average score"),
            accessor=lambda q: as_percent(q.average_score),
        ),
        Column("discrimination", label=_("Discrimination"), accessor=discrimination_display),
        Column(
            "most_chosen_wrong", label=_("Most chosen wrong answer"), accessor=wrong_answer_display
        ),
    ]
    list_export = [
        "question_id",
        "prompt",
        "kind",
        "asked",
        "answered",
        "correct_share",
        "average_score",
        "discrimination",
        "wrong_answer_text",
        "wrong_answer_count",
    ]
    export_headings = {
        "question_id": _("Question id"),
        "prompt": _("Question"),
        "kind": _("Type"),
        "asked": _("Asked"),
        "answered": _("Answered"),
        "correct_share": _("Correct share"),
        "average_score": _("Average score (share of points)"),
        "discrimination": _("Discrimination index"),
        "wrong_answer_text": _("Most chosen wrong answer"),
        "wrong_answer_count": _("Times chosen"),
    }

    @cached_property
    def quiz(self):
        # For this user, a quiz outside their courses does not exist.
        return get_object_or_404(
            quizzes_reportable_to(self.request.user), pk=self.kwargs["quiz_id"]
        )

    @cached_property
    def analysis(self):
        return quiz_item_analysis_for(quiz=self.quiz)

    def get_queryset(self):
        return self.analysis.questions

    def get_page_subtitle(self):
        return self.quiz.title

    def get_index_url(self):
        return reverse("quiz_item_analysis", args=[self.quiz.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("quiz_item_analysis_index"), "label": _("Quiz item analysis")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_filename(self):
        return f"item-analysis-{self.quiz.slug}"

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["kind"] = kind_label(item.kind)
        for share in ("correct_share", "average_score", "discrimination"):
            if row[share] is not None:
                row[share] = round(row[share], 3)
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempt_count"] = self.analysis.attempt_count
        return context
