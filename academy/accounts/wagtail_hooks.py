from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .erasure_admin import ERASURE_PERMISSION_POLICY, ErasureRequestViewSet, decide_view
from .models import ErasureRequest
from .viewsets import OrganisationViewSet

register_snippet(OrganisationViewSet)
register_permission_policy(ErasureRequest, ERASURE_PERMISSION_POLICY)


@hooks.register("register_admin_viewset")
def register_erasure_requests():
    return ErasureRequestViewSet("erasure_requests", url_prefix="erasure-requests")


@hooks.register("register_admin_urls")
def erasure_urls():
    return [path("erasure-requests/<int:pk>/decide/", decide_view, name="erasure_decide")]


@hooks.register("register_log_actions")
def erasure_log_actions(actions):
    actions.register_action(
        "accounts.erasure_approve",
        _("Approve erasure"),
        _("Account erased at the holder's request"),
    )
    actions.register_action(
        "accounts.erasure_refuse", _("Refuse erasure"), _("Erasure request refused")
    )
