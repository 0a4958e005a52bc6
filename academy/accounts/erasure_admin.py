"""Site administrators decide erasure requests: a listing (search, filter, export) of who asked,
and one page per request to approve or refuse it with a reason."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from academy.core.viewsets import LimitedActionsPolicy

from .erasure import ErasureRefused, erasure_approve, erasure_refuse
from .models import ErasureRequest


class ErasureRequestInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        if self.object.status != ErasureRequest.Status.REQUESTED:
            return []
        url = reverse("erasure_decide", args=[self.object.pk])
        return [Button(_("Decide"), url=url, icon_name="tick")]


class ErasureRequestViewSet(ModelViewSet):
    model = ErasureRequest
    inspect_view_class = ErasureRequestInspectView
    icon = "user"
    menu_label = gettext_lazy("Erasure requests")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["decision_reason"]
    search_fields = ["full_name", "email"]
    search_backend_name = None
    list_filter = ["status"]
    list_display = [
        "full_name",  # the title column: each row leads to its request
        Column("email", label=gettext_lazy("Email address")),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        DateColumn("requested_at", label=gettext_lazy("Requested")),
        DateColumn("decided_at", label=gettext_lazy("Decided")),
    ]
    list_export = ["full_name", "email", "status", "requested_at", "decided_at", "decision_reason"]
    export_filename = "erasure-requests"
    inspect_view_fields = [
        "full_name", "email", "reason", "status", "requested_at", "decided_by", "decided_at",
        "decision_reason",
    ]  # fmt: skip


# Only superusers see them (Wagtail gives superusers every permission); nobody adds, edits or
# deletes one in the admin: a request changes only by its decision, which keeps the record.
ERASURE_PERMISSION_POLICY = LimitedActionsPolicy(
    ErasureRequest, refused={"add", "change", "delete"}
)


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed to refuse; the person reads it on their profile."),
    )


@require_http_methods(["GET", "POST"])
def decide_view(request, pk):
    """Approve (the account is anonymised at once) or refuse with a reason."""
    if not request.user.is_superuser:
        raise PermissionDenied
    erasure = get_object_or_404(ErasureRequest.objects.select_related("user"), pk=pk)
    form, status = DecisionForm(request.POST or None), 200
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if "approve" in request.POST:
                erasure_approve(request=erasure, by=request.user, reason=reason)
                messages.success(request, _("The account is erased."))
            else:
                erasure_refuse(request=erasure, by=request.user, reason=reason)
                messages.success(request, _("The request is refused; the person is told why."))
            return redirect("erasure_requests:inspect", erasure.pk)
        except ErasureRefused as refusal:
            form.add_error(None, str(refusal))
            status = 400
    return TemplateResponse(
        request,
        "accounts/admin/erasure_decide.html",
        {"erasure": erasure, "form": form},
        status=status,
    )
