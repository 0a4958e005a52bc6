from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Certificate, CertificateTemplate

register_permission_policy(Certificate, admin_views.CERTIFICATE_PERMISSION_POLICY)


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    list_display = ["title", "orientation", "locale"]


register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return [
        admin_views.CertificateViewSet("certificates_admin", url_prefix="certificates"),
        admin_views.CourseCertificateRuleViewSet("certificate_rules"),
    ]


@hooks.register("register_admin_urls")
def certificate_action_urls():
    return [
        path("certificates/issue/", admin_views.issue_view, name="certificates_issue"),
        path("certificates/bulk/", admin_views.bulk_issue_view, name="certificates_bulk_issue"),
        path(
            "certificates/bulk/<int:pk>/",
            admin_views.bulk_progress_view,
            name="certificates_bulk_progress",
        ),
        path("certificates/<int:pk>/revoke/", admin_views.revoke_view, name="certificates_revoke"),
        path(
            "certificates/<int:pk>/reissue/", admin_views.reissue_view, name="certificates_reissue"
        ),
        path(
            "certificates/<int:pk>/approve/", admin_views.approve_view, name="certificates_approve"
        ),
        path(
            "certificates/<int:pk>/issue-again/",
            admin_views.issue_again_view,
            name="certificates_issue_again",
        ),
    ]


class IssueAgainLogFormatter(LogFormatter):
    """A revoked certificate's history says which certificate was issued after it, and why."""

    label = _("Issue certificate again")

    def format_message(self, log_entry):
        return _("Issued again as %(serial)s. Reason: %(reason)s") % {
            "serial": log_entry.data.get("serial"),
            "reason": log_entry.data.get("reason"),
        }


@hooks.register("register_log_actions")
def certificate_log_actions(actions):
    actions.register_action("certificates.issue", _("Issue certificate"), _("Certificate issued"))
    actions.register_action(
        "certificates.revoke", _("Revoke certificate"), _("Certificate revoked")
    )
    actions.register_action(
        "certificates.supersede",
        _("Supersede certificate"),
        _("Certificate superseded by a re-issue"),
    )
    actions.register_action("certificates.issue_again")(IssueAgainLogFormatter)
    actions.register_action(
        "certificates.download", _("Download certificate"), _("Certificate PDF downloaded")
    )
