from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks

from courses.wagtail_hooks import refuse_page_deletion

from .admin_views import cohort_plans_view, grade_view, plan_pdf_view, plan_review_view
from .models import ActionPlan, ActionPlanPage, AssignmentPage, Submission


@hooks.register("register_admin_urls")
def register_assignment_grading_urls():
    return [
        path("assignments/submissions/<int:pk>/grade/", grade_view, name="assignment_grade"),
        path("action-plans/<int:pk>/review/", plan_review_view, name="action_plan_review"),
        path("action-plans/<int:pk>/plan.pdf", plan_pdf_view, name="action_plan_pdf"),
        path("cohorts/<int:pk>/action-plans/", cohort_plans_view, name="cohort_action_plans"),
    ]


@hooks.register("before_delete_page")
def keep_assignments_with_work(request, page):
    """Learners' work and grades outlive any edit; an assignment with handed-in work is
    unpublished, not deleted."""
    assignment_ids = AssignmentPage.objects.descendant_of(page, inclusive=True).values("pk")
    step_ids = ActionPlanPage.objects.descendant_of(page, inclusive=True).values("pk")
    if (
        Submission.objects.filter(assignment_id__in=assignment_ids).exists()
        or ActionPlan.objects.filter(step_id__in=step_ids).exists()
    ):
        return refuse_page_deletion(
            request,
            page,
            _("Learners have worked on this assignment; unpublish it instead of deleting it."),
        )
    return None


@hooks.register("register_log_actions")
def assignment_log_actions(actions):
    actions.register_action("assignments.grade", _("Grade submission"), _("Submission graded"))
    actions.register_action(
        "assignments.return", _("Return submission"), _("Submission returned for revision")
    )
    actions.register_action(
        "assignments.plan_review", _("Review action plan"), _("Action plan reviewed")
    )
