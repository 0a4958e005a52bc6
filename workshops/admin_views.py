"""Workshops in the Wagtail admin: sessions with their meetings, attendance rules, the
attendance register with its export, the sign-in sheet PDF and the scanned signed sheet. All
scoped to the cohorts the user sees (`courses.admin_views.cohorts_visible_to`)."""

import itertools

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from academy.core.spreadsheets import FormulaSafeExportMixin
from academy.core.viewsets import ScopedModelViewSet
from courses.admin_views import cohorts_visible_to, courses_visible_to
from courses.models import Cohort, Enrollment, ModulePage
from courses.steps import step_models

from .models import Attendance, AttendanceRule, AttendanceStatus, Meeting, Session
from .pdf import sign_in_sheet_pdf
from .selectors import cohort_register, meetings_visible_to, rules_visible_to, sessions_visible_to
from .services import (
    attendance_rule_for,
    meeting_moves_announce,
    scanned_sheet_attach,
    session_cancel_problem,
    session_cancellation_announce,
    session_invitations_send,
)


def overlapping(periods) -> list[tuple]:
    """Pairs of (start, end) periods that overlap (touching ends do not). Pure."""
    ordered = sorted(periods)
    return [
        (first, second) for first, second in itertools.pairwise(ordered) if second[0] < first[1]
    ]


class SessionForm(WagtailAdminModelForm):
    """A session of a cohort the user sees, its pre-work from that cohort's course, and meetings
    that end after they start and overlap neither each other nor the cohort's other
    sessions' meetings."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        own = self.instance.cohort_id
        cohorts = cohorts_visible_to(user)
        self.fields["cohort"].queryset = Cohort.objects.filter(
            Q(pk__in=cohorts.values("pk")) | Q(pk=own)
        ).select_related("course")
        courses = courses_visible_to(user)
        under = Q(pk__in=[])
        for course in courses:
            under |= Q(path__startswith=course.path, depth__gt=course.depth)
        self.fields["pre_work"].queryset = (
            Page.objects.filter(under).type(ModulePage, *step_models()).order_by("path")
        )
        self.fields["pre_work"].widget = forms.SelectMultiple(attrs={"size": 10})

    def clean(self):
        cleaned = super().clean()
        cohort, pre_work = cleaned.get("cohort"), cleaned.get("pre_work")
        if cohort and pre_work:
            course = cohort.course
            foreign = [p for p in pre_work if not p.path.startswith(course.path)]
            if foreign:
                self.add_error(
                    "pre_work",
                    _("Pre-work must be part of the cohort's course: %(pages)s.")
                    % {"pages": ", ".join(p.title for p in foreign)},
                )
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        if not valid or "meetings" not in self.formsets:
            return valid
        periods = [
            (form.cleaned_data["starts_at"], form.cleaned_data["ends_at"])
            for form in self.formsets["meetings"].forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("starts_at")
            and form.cleaned_data.get("ends_at")
        ]
        kept = set(
            Attendance.objects.filter(meeting__session_id=self.instance.pk).values_list(
                "meeting_id", flat=True
            )
        )
        for form in self.formsets["meetings"].forms:
            if form.cleaned_data.get("DELETE") and form.instance.pk in kept:
                self.add_error(
                    None,
                    _(
                        "Attendance was taken at %(meeting)s: it cannot be deleted. Move it "
                        "instead; the attendance is kept."
                    )
                    % {"meeting": form.instance},
                )
                return False
        if overlapping(periods):
            self.add_error(None, _("Two meetings of this session overlap: change their times."))
            return False
        cohort = self.cleaned_data["cohort"]
        others = Meeting.objects.filter(session__cohort=cohort).exclude(session_id=self.instance.pk)
        for start, end in periods:
            clash = others.filter(starts_at__lt=end, ends_at__gt=start).first()
            if clash:
                self.add_error(
                    None,
                    _("A meeting overlaps one of another session of this cohort (%(other)s).")
                    % {"other": clash},
                )
                return False
        return True


class CapacityWarning:
    """After saving, warn when the cohort has more learners than the session has places."""

    def save_instance(self):
        instance = super().save_instance()
        learners = Enrollment.objects.filter(cohort_id=instance.cohort_id).count()
        if learners > instance.capacity:
            messages.warning(
                self.request,
                _(
                    "%(cohort)s has %(learners)d learners but %(session)s has places for "
                    "%(capacity)d."
                )
                % {
                    "cohort": instance.cohort,
                    "learners": learners,
                    "session": instance.title,
                    "capacity": instance.capacity,
                },
            )
        return instance


class SessionCreateView(CapacityWarning, CreateView):
    """Saving a new session invites the cohort's learners."""

    def save_instance(self):
        instance = super().save_instance()
        if session_invitations_send(session=instance):
            messages.info(self.request, _("The cohort's learners are invited by email."))
        return instance


class SessionEditView(CapacityWarning, EditView):
    """Saving also tells the cohort's learners of every meeting that moved."""

    def save_instance(self):
        old_times = {
            pk: (starts_at, ends_at)
            for pk, starts_at, ends_at in Meeting.objects.filter(
                session_id=self.object.pk
            ).values_list("pk", "starts_at", "ends_at")
        }
        instance = super().save_instance()
        if meeting_moves_announce(session=instance, old_times=old_times):
            messages.info(self.request, _("The cohort's learners are told of the new times."))
        return instance


class SessionDeleteView(DeleteView):
    """Deleting a session cancels it: the cohort's learners are told by email. A session with
    attendance taken is kept (its records are evidence)."""

    def confirmation_message(self):
        return _(
            "Cancel this session? Its meetings are deleted and the cohort's learners are told "
            "by email."
        )

    def form_valid(self, form):
        if problem := session_cancel_problem(session=self.object):
            messages.error(self.request, problem)
            return redirect(self.get_success_url())
        return super().form_valid(form)

    def delete_action(self):
        with transaction.atomic():  # the notices are queued only if the session goes
            told = session_cancellation_announce(session=self.object)
            super().delete_action()
        if told:
            messages.info(self.request, _("The cohort's learners are told of the cancellation."))


class SessionIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("cohort")
            .annotate(meeting_count=Count("meetings"))
        )


class SessionInspectView(InspectView):
    template_name = "workshops/admin/session_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meetings"] = self.object.meetings.order_by("starts_at")
        context["learner_count"] = Enrollment.objects.filter(cohort=self.object.cohort).count()
        return context

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Attendance register"),
                url=reverse("workshops_register", args=[self.object.cohort_id]),
                icon_name="table",
            ),
        ]


class SessionFilterSet(WagtailFilterSet):
    # A trainer picks among their own cohorts, not every cohort's name.
    cohort = django_filters.ModelChoiceFilter(
        queryset=lambda request: cohorts_visible_to(request.user), label=gettext_lazy("Cohort")
    )

    class Meta:
        model = Session
        fields = ["cohort"]


class SessionViewSet(ScopedModelViewSet):
    model = Session
    icon = "date"
    menu_label = gettext_lazy("Workshop sessions")
    menu_order = 295
    add_to_admin_menu = True
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    inspect_view_class = SessionInspectView
    inspect_view_enabled = True
    edit_handler = ObjectList(Session.panels, base_form_class=SessionForm)
    list_display = [
        "title",  # each row leads to its session
        Column("cohort", label=gettext_lazy("Cohort")),
        Column("meeting_count", label=gettext_lazy("Meetings")),
        Column("venue_name", label=gettext_lazy("Venue")),
    ]
    filterset_class = SessionFilterSet
    search_fields = ["title", "venue_name", "cohort__name"]
    search_backend_name = None

    def visible_to(self, user):
        return sessions_visible_to(user)


class AttendanceRuleForm(WagtailAdminModelForm):
    """A rule of a cohort the user sees, with at most one status of each kind but "other", and
    no status removed that attendance already uses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = self.instance.cohort_id
        self.fields["cohort"].queryset = Cohort.objects.filter(
            Q(pk__in=cohorts_visible_to(self.for_user).values("pk")) | Q(pk=own)
        )

    def is_valid(self):
        valid = super().is_valid()
        if not valid or "statuses" not in self.formsets:
            return valid
        kept, removed = [], []
        for form in self.formsets["statuses"].forms:
            if not form.cleaned_data:
                continue
            (removed if form.cleaned_data.get("DELETE") else kept).append(form)
        kinds = [form.cleaned_data["kind"] for form in kept]
        doubled = {
            kind for kind in kinds if kind != AttendanceStatus.Kind.OTHER and kinds.count(kind) > 1
        }
        if doubled:
            labels = dict(AttendanceStatus.Kind.choices)
            self.add_error(
                None,
                _("Only one status may be of the kind %(kinds)s.")
                % {"kinds": ", ".join(str(labels[kind]) for kind in sorted(doubled))},
            )
            return False
        used = [
            form.instance
            for form in removed
            if form.instance.pk and Attendance.objects.filter(status_id=form.instance.pk).exists()
        ]
        if used:
            self.add_error(
                None,
                _("%(status)s is recorded in attendance already: rename it instead of removing it.")
                % {"status": used[0].label},
            )
            return False
        return True


class AttendanceRuleViewSet(ScopedModelViewSet):
    model = AttendanceRule
    icon = "tick"
    menu_label = gettext_lazy("Attendance rules")
    add_to_admin_menu = False
    edit_handler = ObjectList(AttendanceRule.panels, base_form_class=AttendanceRuleForm)
    list_display = ["cohort", Column("minimum_percent", label=gettext_lazy("Minimum (%)"))]
    search_fields = ["cohort__name"]
    search_backend_name = None

    def visible_to(self, user):
        return rules_visible_to(user)


# The register, the sign-in sheet and the scanned sheet


def _meeting_for(request, pk, *, change=False) -> Meeting:
    meeting = get_object_or_404(meetings_visible_to(request.user), pk=pk)
    if not request.user.has_perm(f"workshops.{'change' if change else 'view'}_session"):
        raise PermissionDenied
    return meeting


class RegisterView(FormulaSafeExportMixin, ReportView):
    """The cohort's learners by its meetings, with attendance %, and totals per organisation
    and per kind of organisation; CSV/XLSX export of the learners' rows."""

    template_name = "workshops/admin/register.html"
    results_template_name = "workshops/admin/register_results.html"
    header_icon = "table"
    paginate_by = None
    permission_policy = ModelPermissionPolicy(Session)
    any_permission_required = ["view"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort = get_object_or_404(cohorts_visible_to(request.user), pk=kwargs["pk"])
        self.register = cohort_register(cohort=self.cohort)
        columns = [
            ("name", _("Learner")),
            ("email", _("Email")),
            ("organisation", _("Organisation")),
            ("organisation_kind", _("Kind")),
            ("left", _("Left the cohort")),
        ]
        columns += [
            (f"meeting_{m.pk}", f"{m.session.title} {timezone.localtime(m.starts_at):%d.%m.%Y}")
            for m in self.register.meetings
        ]
        columns += [("attended", _("Meetings attended")), ("percent", _("Attendance (%)"))]
        self.list_export = [key for key, _label in columns]
        self.export_headings = dict(columns)
        self.export_filename = f"cohort-{self.cohort.pk}-attendance"

    def get_page_title(self):
        return _("Attendance register of %(cohort)s") % {"cohort": self.cohort.name}

    def get_base_queryset(self):
        return self.register.rows

    def get_queryset(self):
        return self.register.rows

    def get_index_url(self):
        return reverse("workshops_register", args=[self.cohort.pk])

    def get_index_results_url(self):
        return self.get_index_url()

    def to_row_dict(self, item):
        values = {
            "name": item.name,
            "email": item.email,
            "organisation": item.organisation,
            "organisation_kind": item.organisation_kind,
            "left": _("yes") if item.left_cohort else "",
            "attended": f"{item.tally.attended}/{item.tally.held}",
            "percent": item.tally.percent if item.tally.percent is not None else "",
        }
        for meeting in self.register.meetings:
            values[f"meeting_{meeting.pk}"] = item.marks.get(meeting.pk, "")
        return values

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(cohort=self.cohort, register=self.register)
        return context


def sign_in_sheet_view(request, pk):
    """The printable sign-in sheet of a meeting, in the cohort's language."""
    meeting = _meeting_for(request, pk)
    response = HttpResponse(
        sign_in_sheet_pdf(meeting=meeting, request=request), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="sign-in-sheet-{meeting.pk}.pdf"'
    return response


class ScannedSheetForm(forms.Form):
    scan = forms.FileField(
        label=gettext_lazy("Scanned signed sheet"),
        help_text=gettext_lazy("A PDF, PNG or JPEG file of at most 10 MB."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


def scanned_sheet_upload_view(request, pk):
    meeting = _meeting_for(request, pk, change=True)
    form = ScannedSheetForm(request.POST or None, request.FILES or None)
    context = {
        "meeting": meeting,
        "form": form,
        "heading": _("Scanned sign-in sheet of %(meeting)s") % {"meeting": meeting},
    }
    if request.method == "POST" and form.is_valid():
        try:
            scanned_sheet_attach(meeting=meeting, upload=form.cleaned_data["scan"], by=request.user)
        except ValidationError as problem:
            form.add_error("scan", problem)
        else:
            messages.success(request, _("The scanned sheet is kept with the meeting."))
            return redirect(reverse("workshop_sessions:inspect", args=[meeting.session_id]))
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "workshops/admin/scan_upload.html", context, status=status)


def scanned_sheet_file_view(request, pk):
    """The scanned sheet, only to those who see the meeting; never a public media URL."""
    meeting = _meeting_for(request, pk)
    if not meeting.scanned_sheet:
        raise Http404
    name = meeting.scanned_sheet.name
    extension = name.rsplit(".", 1)[-1].lower()
    content_type = {"pdf": "application/pdf", "png": "image/png"}.get(extension, "image/jpeg")
    response = FileResponse(
        meeting.scanned_sheet.open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=f"signed-sheet-{meeting.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def attendance_rule_view(request, pk):
    """The cohort's attendance rule, created with the default statuses when first opened."""
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=pk)
    if not request.user.has_perm("workshops.change_attendancerule"):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(
            request,
            "workshops/admin/rule_create.html",
            {"cohort": cohort, "heading": _("Attendance rule of %(cohort)s") % {"cohort": cohort}},
        )
    rule = attendance_rule_for(cohort=cohort)
    return redirect(reverse("workshop_attendance_rules:edit", args=[rule.pk]))
