from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import (
    CohortMatrixView,
    CohortViewSet,
    EnrollmentViewSet,
    GradingQueueView,
    OrganisationSummaryView,
    cohort_mastery_view,
    cohort_reflections_view,
    import_view,
    organisation_mastery_view,
    rotate_view,
)
from .models import CoursePage, Enrollment


def refuse_page_deletion(request, page, message):
    """Stop a page deletion that would erase learners' records, and say why."""
    messages.error(request, message)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def keep_courses_with_learners(request, page):
    """A course with enrollments cannot be deleted: unpublish it instead."""
    course_ids = CoursePage.objects.descendant_of(page, inclusive=True).values("pk")
    if Enrollment.objects.filter(course_id__in=course_ids).exists():
        return refuse_page_deletion(
            request,
            page,
            _("This course has enrolled learners and cannot be deleted. Unpublish it instead."),
        )
    return None


@hooks.register("register_admin_viewset")
def register_course_viewsets():
    return [EnrollmentViewSet("enrollments"), CohortViewSet("cohorts")]


@hooks.register("register_admin_urls")
def cohort_action_urls():
    return [
        path("cohorts/<int:pk>/import/", import_view, name="cohort_import"),
        path("cohorts/<int:pk>/invitation/", rotate_view, name="cohort_rotate"),
        path("cohorts/<int:pk>/progress/", CohortMatrixView.as_view(), name="cohort_matrix"),
        path("cohorts/<int:pk>/mastery/", cohort_mastery_view, name="cohort_mastery"),
        path("to-grade/", GradingQueueView.as_view(), name="grading_queue"),
        path("cohorts/<int:pk>/reflections/", cohort_reflections_view, name="cohort_reflections"),
        path(
            "reports/organisations/",
            OrganisationSummaryView.as_view(),
            name="organisation_summary",
        ),
        path(
            "reports/organisations/<int:pk>/mastery/",
            organisation_mastery_view,
            name="organisation_mastery",
        ),
    ]


@hooks.register("register_log_actions")
def course_log_actions(actions):
    actions.register_action(
        "courses.cohort_import", _("Import learners"), _("Learners imported into the cohort")
    )


class CohortReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_cohort")


@hooks.register("register_reports_menu_item")
def organisation_summary_menu_item():
    return CohortReportMenuItem(
        _("Organisations"), reverse("organisation_summary"), icon_name="group", order=710
    )


class GradingMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            request.user.is_superuser or CoursePage.objects.filter(trainers=request.user).exists()
        )


@hooks.register("register_admin_menu_item")
def grading_menu_item():
    return GradingMenuItem(_("Grading"), reverse("grading_queue"), icon_name="tick", order=310)
