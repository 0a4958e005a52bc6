from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

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


class EnrollmentViewSet(ModelViewSet):
    model = Enrollment
    icon = "user"
    menu_label = gettext_lazy("Enrollments")
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "learner",
        "course",
        "status",
        "enrolled_at",
        "completed_at",
        "last_activity_at",
    ]
    list_filter = ["status", "course"]
    search_fields = ["learner__full_name", "learner__email", "course__title"]
    list_export = ["learner", "course", "status", "enrolled_at", "completed_at", "last_activity_at"]
    form_fields = ["learner", "course", "status"]
    inspect_view_enabled = True
    export_filename = "enrollments"


@hooks.register("register_admin_viewset")
def register_enrollment_viewset():
    return EnrollmentViewSet("enrollments")
