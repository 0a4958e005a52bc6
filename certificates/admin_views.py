"""Certificate administration in the Wagtail admin: the register, and the actions on it."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

from academy.accounts.models import User
from academy.core.spreadsheets import FormulaSafeExportMixin
from academy.core.viewsets import LimitedActionsPolicy
from courses.admin_views import course_filter, offer_courses
from courses.catalogue import original_courses
from courses.models import Cohort

from . import codes
from .models import BulkIssueJob, Certificate, CourseCertificateRule
from .permissions import can_manage_certificates
from .services import (
    NotEligible,
    bulk_issue_start,
    certificate_issue,
    certificate_issue_again,
    certificate_reissue,
    certificate_revoke,
)


class CertificateFilterSet(WagtailFilterSet):
    # A range of days: an exact-match filter on the issue time would only find midnight.
    issued_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Issued"), widget=DateRangePickerWidget
    )

    course = course_filter(original_courses)  # certificate administrators see every course

    class Meta:
        model = Certificate
        fields = ["status", "course"]


class CertificateIndexView(FormulaSafeExportMixin, IndexView):
    def search_queryset(self, queryset):
        # Codes are stored without dashes but printed with them: find one as printed, too.
        found = super().search_queryset(queryset)
        code = codes.normalise(self.search_query) if self.is_searching else None
        return found | queryset.filter(code=code) if code else found

    @cached_property
    def header_buttons(self):
        if not can_manage_certificates(self.request.user):
            return []
        return [
            HeaderButton(
                _("Issue a certificate"), url=reverse("certificates_issue"), icon_name="plus"
            ),
            HeaderButton(
                _("Bulk issue"), url=reverse("certificates_bulk_issue"), icon_name="group"
            ),
        ]


class CertificateInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        if not can_manage_certificates(self.request.user):
            return []
        certificate, buttons = self.object, []
        if certificate.status == Certificate.Status.PENDING:
            buttons.append(
                Button(
                    _("Approve"),
                    url=reverse("certificates_approve", args=[certificate.pk]),
                    icon_name="tick",
                )
            )
        if certificate.status == Certificate.Status.VALID:
            buttons.append(
                Button(
                    _("Re-issue (correction)"),
                    url=reverse("certificates_reissue", args=[certificate.pk]),
                    icon_name="redirect",
                )
            )
            buttons.append(
                Button(
                    _("Revoke"),
                    url=reverse("certificates_revoke", args=[certificate.pk]),
                    icon_name="cross",
                )
            )
        if (
            certificate.status == Certificate.Status.REVOKED
            and not Certificate.objects.filter(replaces=certificate).exists()
        ):
            buttons.append(
                Button(
                    _("Issue again"),
                    url=reverse("certificates_issue_again", args=[certificate.pk]),
                    icon_name="plus",
                )
            )
        if certificate.pdf:
            buttons.append(
                Button(
                    _("Download PDF"),
                    url=reverse("learner_certificates:download", args=[certificate.pk]),
                    icon_name="download",
                )
            )
        return buttons


class CertificateHistoryView(HistoryView):
    # Wagtail asks for a right to change; nobody edits a certificate in the admin (see
    # CERTIFICATE_PERMISSION_POLICY), and whoever may see one reads its history.
    any_permission_required = ["view"]


class CertificateViewSet(ModelViewSet):
    model = Certificate
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificates")
    menu_order = 320
    add_to_admin_menu = True
    # Adding, editing and deleting are refused by CERTIFICATE_PERMISSION_POLICY: a certificate
    # changes only through its actions (issue, revoke, re-issue...), which keep its history.
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["revocation_reason"]
    search_fields = ["learner_name", "serial", "code", "learner__email"]
    search_backend_name = None  # plain database search: finds part of a serial or name
    filterset_class = CertificateFilterSet
    list_display = [
        "serial",  # the title column: each row leads to its certificate
        Column("learner_name", label=gettext_lazy("Name")),
        Column("course_title", label=gettext_lazy("Course")),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        DateColumn("issued_at", label=gettext_lazy("Issued")),
    ]
    list_export = [
        "serial",
        "learner_name",
        "course_title",
        "status",
        "issued_at",
        "expires_on",
        "score",
        "hours",
        "display_code",
        "revoked_at",
        "revocation_reason",
    ]
    export_filename = "certificates"
    inspect_view_fields = [
        "serial",
        "display_code",
        "status",
        "learner_name",
        "course_title",
        "hours",
        "score",
        "principles",
        "language",
        "requested_at",
        "issued_at",
        "issued_by",
        "expires_on",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "replaces",
        "pdf_sha256",
    ]


CERTIFICATE_PERMISSION_POLICY = LimitedActionsPolicy(
    Certificate, refused={"add", "change", "delete"}
)


class CourseCertificateRuleForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each course once, as written: a rule is kept on the original (see its save()).
        offer_courses(self.fields["course"], original_courses())


class CourseCertificateRuleViewSet(ModelViewSet):
    model = CourseCertificateRule
    icon = "cog"
    menu_label = gettext_lazy("Certificate rules")
    add_to_settings_menu = True
    edit_handler = ObjectList(
        CourseCertificateRule.panels, base_form_class=CourseCertificateRuleForm
    )
    list_display = ["course", "template", "issuance"]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class IssueAgainForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy(
            "Why this learner may have a certificate for the course again. Kept in the "
            "revoked certificate's history."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class IssueForm(forms.Form):
    learner = forms.ModelChoiceField(
        User.objects.filter(is_active=True), label=gettext_lazy("Learner")
    )
    course = forms.ModelChoiceField(original_courses(), label=gettext_lazy("Course"))


class BulkIssueForm(forms.Form):
    course = forms.ModelChoiceField(original_courses(), label=gettext_lazy("Course"))
    cohort = forms.ModelChoiceField(
        Cohort.objects.select_related("course"),
        label=gettext_lazy("Cohort"),
        required=False,
        empty_label=gettext_lazy("Every learner of the course"),
        help_text=gettext_lazy("Only this cohort's learners; leave empty for the whole course."),
    )


def _require_manager(request):
    if not can_manage_certificates(request.user):
        raise PermissionDenied


def _inspect_url(certificate):
    return reverse("certificates_admin:inspect", args=[certificate.pk])


TITLES = {
    "revoke.html": gettext_lazy("Revoke certificate"),
    "reissue.html": gettext_lazy("Re-issue certificate"),
    "approve.html": gettext_lazy("Approve certificate"),
    "issue_again.html": gettext_lazy("Issue a certificate again"),
    "issue.html": gettext_lazy("Issue a certificate"),
    "bulk_issue.html": gettext_lazy("Bulk issue certificates"),
    "bulk_progress.html": gettext_lazy("Bulk issue progress"),
}


def _render(request, template, context):
    context = {"heading": TITLES[template], **context}
    return TemplateResponse(request, f"certificates/admin/{template}", context)


def revoke_view(request, pk):
    _require_manager(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        certificate_revoke(
            certificate=certificate, reason=form.cleaned_data["reason"], revoked_by=request.user
        )
        messages.success(
            request, _("Certificate %(serial)s revoked.") % {"serial": certificate.serial}
        )
        return redirect(_inspect_url(certificate))
    return _render(request, "revoke.html", {"certificate": certificate, "form": form})


def reissue_view(request, pk):
    _require_manager(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    if request.method == "POST":
        try:
            new = certificate_reissue(certificate=certificate, issued_by=request.user)
        except NotEligible as problem:
            messages.error(request, str(problem))
            return redirect(_inspect_url(certificate))
        messages.success(
            request,
            _("Re-issued as %(serial)s; %(old)s is now superseded.")
            % {"serial": new.serial, "old": certificate.serial},
        )
        return redirect(_inspect_url(new))
    return _render(request, "reissue.html", {"certificate": certificate})


def issue_again_view(request, pk):
    _require_manager(request)
    certificate = get_object_or_404(Certificate, pk=pk, status=Certificate.Status.REVOKED)
    form = IssueAgainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = certificate_issue_again(
                certificate=certificate,
                reason=form.cleaned_data["reason"],
                issued_by=request.user,
            )
        except NotEligible as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(
                request,
                _("Issued %(serial)s; %(old)s stays revoked.")
                % {"serial": new.serial, "old": certificate.serial},
            )
            return redirect(_inspect_url(new))
    return _render(request, "issue_again.html", {"certificate": certificate, "form": form})


def approve_view(request, pk):
    _require_manager(request)
    certificate = get_object_or_404(Certificate, pk=pk, status=Certificate.Status.PENDING)
    if request.method == "POST":
        try:
            issued = certificate_issue(
                learner=certificate.learner, course=certificate.course, issued_by=request.user
            )
        except NotEligible as problem:
            messages.error(request, str(problem))
            return redirect(_inspect_url(certificate))
        messages.success(request, _("Approved: %(serial)s issued.") % {"serial": issued.serial})
        return redirect(_inspect_url(issued))
    return _render(request, "approve.html", {"certificate": certificate})


def issue_view(request):
    _require_manager(request)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate = certificate_issue(
                issued_by=request.user,
                learner=form.cleaned_data["learner"],
                course=form.cleaned_data["course"],
            )
        except NotEligible as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, _("Issued %(serial)s.") % {"serial": certificate.serial})
            return redirect(_inspect_url(certificate))
    return _render(request, "issue.html", {"form": form})


def bulk_issue_view(request):
    _require_manager(request)
    form = BulkIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = bulk_issue_start(requested_by=request.user, **form.cleaned_data)
        except ValidationError as error:  # e.g. a cohort of another course
            form.add_error(None, error)
        else:
            return redirect("certificates_bulk_progress", job.pk)
    jobs = BulkIssueJob.objects.select_related("course", "cohort")[:10]
    return _render(request, "bulk_issue.html", {"form": form, "jobs": jobs})


def bulk_progress_view(request, pk):
    _require_manager(request)
    job = get_object_or_404(BulkIssueJob.objects.select_related("course", "cohort"), pk=pk)
    return _render(request, "bulk_progress.html", {"job": job})
