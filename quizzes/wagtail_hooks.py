from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from courses.wagtail_hooks import refuse_page_deletion

from .admin_views import GRADING_PERMISSION_POLICY, GradingViewSet
from .models import AttemptAnswer, QuizAttempt, QuizPage
from .report_views import QuizItemAnalysisView, QuizReportIndexView, QuizReportsMenuItem

register_permission_policy(AttemptAnswer, GRADING_PERMISSION_POLICY)


@hooks.register("register_admin_viewset")
def register_grading_viewset():
    return GradingViewSet("grading")


@hooks.register("register_admin_urls")
def register_quiz_report_urls():
    return [
        path(
            "reports/quiz-items/",
            QuizReportIndexView.as_view(),
            name="quiz_item_analysis_index",
        ),
        path(
            "reports/quiz-items/<int:quiz_id>/",
            QuizItemAnalysisView.as_view(),
            name="quiz_item_analysis",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_quiz_report_menu_item():
    return QuizReportsMenuItem(
        gettext_lazy("Quiz item analysis"),  # built once, shown in each user's language
        reverse("quiz_item_analysis_index"),
        name="quiz-item-analysis",
        icon_name="table",
        order=1300,
    )


@hooks.register("before_delete_page")
def keep_quizzes_with_attempts(request, page):
    """Learners' attempts and grades outlive any edit; a quiz with attempts is unpublished, not
    deleted."""
    quiz_ids = QuizPage.objects.descendant_of(page, inclusive=True).values("pk")
    if QuizAttempt.objects.filter(quiz_id__in=quiz_ids).exists():
        return refuse_page_deletion(
            request, page, _("Learners have taken this quiz; unpublish it instead of deleting it.")
        )
    return None


@hooks.register("register_log_actions")
def quiz_log_actions(actions):
    actions.register_action("quizzes.grade", _("Grade answer"), _("Open answer graded"))
