from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import (
    AttendanceRuleViewSet,
    RegisterView,
    SessionViewSet,
    attendance_rule_view,
    scanned_sheet_file_view,
    scanned_sheet_upload_view,
    sign_in_sheet_view,
)


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return [
        SessionViewSet("workshop_sessions"),
        AttendanceRuleViewSet("workshop_attendance_rules"),
    ]


@hooks.register("register_admin_urls")
def workshop_admin_urls():
    return [
        path(
            "workshops/cohorts/<int:pk>/register/",
            RegisterView.as_view(),
            name="workshops_register",
        ),
        path("workshops/cohorts/<int:pk>/rule/", attendance_rule_view, name="workshops_rule"),
        path("workshops/meetings/<int:pk>/sheet/", sign_in_sheet_view, name="workshops_sheet"),
        path(
            "workshops/meetings/<int:pk>/scan/",
            scanned_sheet_upload_view,
            name="workshops_scan_upload",
        ),
        path(
            "workshops/meetings/<int:pk>/scan/file/",
            scanned_sheet_file_view,
            name="workshops_scan_file",
        ),
    ]


class TrainerMeetingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("workshops.change_session")


@hooks.register("register_admin_menu_item")
def meetings_menu_item():
    return TrainerMeetingsMenuItem(
        gettext_lazy("Roll call"),
        reverse("workshops:trainer_meetings"),
        icon_name="tick",
        order=296,
    )
