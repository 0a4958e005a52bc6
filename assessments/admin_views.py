"""ELoGE in the Wagtail admin: cycles, assessments (scoped: a reviewer sees the submitted
assessments of the cycles they review; a team its own), and the reviewers' actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from academy.core.spreadsheets import FormulaSafeExportMixin
from academy.core.viewsets import ScopedModelViewSet
from courses.admin_views import cohorts_visible_to
from courses.mastery import cohort_mastery_change

from .forms import CommentForm, DecisionForm, PaperUploadForm, ReturnForm
from .models import Assessment, AssessmentCycle, Survey
from .paper import PaperFileError, as_csv, check_rows, read_table
from .permissions import assessments_visible_to, may_review
from .selectors import matrix_for, profile_for
from .services import (
    assessment_decide,
    assessment_opened,
    assessment_return,
    review_comment,
    survey_import,
)


class CycleIndexView(FormulaSafeExportMixin, IndexView):
    pass


class AssessmentCycleViewSet(ModelViewSet):
    model = AssessmentCycle
    icon = "calendar-alt"
    menu_label = gettext_lazy("ELoGE cycles")
    menu_order = 300
    add_to_admin_menu = True
    index_view_class = CycleIndexView
    panels = [
        *(
            FieldPanel(name)
            for name in (
                "name",
                "starts_on",
                "ends_on",
                "scale_max",
                "scale_labels",
                "survey_intro",
            )
        ),
        InlinePanel(
            "introductions", heading=gettext_lazy("Survey introduction in other languages")
        ),
        *(
            FieldPanel(name)
            for name in (
                "label_min_overall",
                "label_min_principle",
                "label_valid_years",
                "survey_min_responses",
                "recommended_principles",
                "reviewers",
            )
        ),
    ]
    list_display = ["name", "starts_on", "ends_on"]
    list_export = ["name", "starts_on", "ends_on", "scale_max", "label_min_overall"]
    search_fields = ["name"]
    search_backend_name = None


class AssessmentForm(WagtailAdminModelForm):
    class Meta:
        model = Assessment
        fields = ["cycle", "municipality", "coordinator", "team"]

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        strangers = [
            member
            for member in cleaned.get("team") or []
            if municipality and member.organisation_id != municipality.pk
        ]
        if strangers:
            self.add_error(
                "team",
                _("Team members must belong to the municipality: %(names)s.")
                % {"names": ", ".join(str(member) for member in strangers)},
            )
        return cleaned


class AssessmentCreateView(CreateView):
    def save_instance(self):
        instance = super().save_instance()
        assessment_opened(assessment=instance, opened_by=self.request.user)
        return instance


class AssessmentIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cycle", "municipality", "coordinator")


class AssessmentInspectView(InspectView):
    template_name = "assessments/admin/assessment_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = self.object
        context.update(
            profile=profile_for(assessment=assessment),
            matrix=matrix_for(assessment=assessment),
            events=assessment.events.select_related("actor"),
            surveys=assessment.surveys.all(),
            survey_url=lambda survey: self.request.build_absolute_uri(
                reverse("assessments:survey", args=[survey.token])
            ),
            may_review=may_review(self.request.user, assessment),
        )
        context["survey_links"] = [
            (survey, context["survey_url"](survey)) for survey in context["surveys"]
        ]
        return context

    @cached_property
    def header_more_buttons(self):
        pk = self.object.pk
        buttons = list(super().header_more_buttons)
        if may_review(self.request.user, self.object):
            buttons += [
                Button(
                    _("Profile"), url=reverse("assessments:profile", args=[pk]), icon_name="table"
                ),
                Button(
                    _("Comment"), url=reverse("assessment_comment", args=[pk]), icon_name="comment"
                ),
            ]
            if self.object.status == Assessment.Status.SUBMITTED:
                buttons += [
                    Button(
                        _("Return for changes"),
                        url=reverse("assessment_return", args=[pk]),
                        icon_name="undo",
                    ),
                    Button(
                        _("Record decision"),
                        url=reverse("assessment_decide", args=[pk]),
                        icon_name="success",
                    ),
                ]
        return buttons


class AssessmentViewSet(ScopedModelViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = gettext_lazy("Self-assessments")
    menu_order = 301
    add_to_admin_menu = True
    index_view_class = AssessmentIndexView
    add_view_class = AssessmentCreateView
    inspect_view_class = AssessmentInspectView
    inspect_view_enabled = True
    list_display = [
        "__str__",  # the title column: municipality and cycle, leading to the assessment
        Column("get_status_display", label=gettext_lazy("Status")),
        Column("get_decision_display", label=gettext_lazy("Decision")),
        Column("submitted_at", label=gettext_lazy("Submitted")),
    ]
    list_filter = ["cycle", "status", "decision"]
    list_export = [
        "municipality",
        "cycle",
        "coordinator",
        "get_status_display",
        "submitted_at",
        "get_decision_display",
        "decided_at",
    ]
    export_headings = {
        "get_status_display": gettext_lazy("Status"),
        "get_decision_display": gettext_lazy("Decision"),
    }
    export_filename = "eloge-assessments"
    search_fields = ["municipality__name", "cycle__name"]
    search_backend_name = None

    def visible_to(self, user):
        return assessments_visible_to(user)

    def get_form_class(self, for_update=False):
        return AssessmentForm


def _reviewed(request, pk) -> Assessment:
    """The assessment of `pk` for a reviewer of its cycle (or a superuser); 404 for others."""
    assessment = get_object_or_404(
        assessments_visible_to(request.user).select_related("cycle", "municipality"), pk=pk
    )
    if not may_review(request.user, assessment):
        raise PermissionDenied
    return assessment


def _action(request, pk, *, form_class, heading, act, needs_submitted=True):
    assessment = _reviewed(request, pk)
    if needs_submitted and assessment.status != Assessment.Status.SUBMITTED:
        messages.error(request, _("Only a submitted assessment can be reviewed."))
        return redirect("assessments_admin:inspect", pk)
    form = form_class(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                act(assessment, form.cleaned_data)
            except ValidationError as invalid:
                form.add_error(None, invalid.messages[0])
            else:
                return redirect("assessments_admin:inspect", pk)
        status = 400
    context = {
        "assessment": assessment,
        "form": form,
        "heading": heading % {"assessment": assessment},
    }
    return TemplateResponse(request, "assessments/admin/action.html", context, status=status)


def return_view(request, pk):
    def act(assessment, data):
        assessment_return(assessment=assessment, reviewer=request.user, comment=data["comment"])
        messages.success(request, _("The assessment is returned to its team."))

    return _action(
        request, pk, form_class=ReturnForm, heading=_("Return %(assessment)s for changes"), act=act
    )


def decide_view(request, pk):
    def act(assessment, data):
        assessment_decide(
            assessment=assessment,
            reviewer=request.user,
            awarded=data["decision"] == "awarded",
            justification=data["justification"],
        )
        messages.success(request, _("The decision is recorded."))

    return _action(
        request, pk, form_class=DecisionForm, heading=_("Decision on %(assessment)s"), act=act
    )


def comment_view(request, pk):
    def act(assessment, data):
        review_comment(
            assessment=assessment,
            reviewer=request.user,
            principle_number=data["principle"],
            comment=data["comment"],
        )
        messages.success(request, _("Your comment is saved."))

    return _action(
        request,
        pk,
        form_class=CommentForm,
        heading=_("Comment on %(assessment)s"),
        act=act,
        needs_submitted=False,
    )


def survey_import_view(request, pk):
    """Paper responses from a CSV or XLSX file: upload, a preview of every row (its ratings, or
    why it cannot be imported), then import all rows or none."""
    survey = get_object_or_404(
        Survey.objects.select_related("assessment__cycle", "assessment__municipality"), pk=pk
    )
    assessment = get_object_or_404(assessments_visible_to(request.user), pk=survey.assessment_id)
    if not may_review(request.user, assessment):
        raise PermissionDenied
    context = {
        "survey": survey,
        "assessment": assessment,
        "heading": _("Import paper responses: %(survey)s") % {"survey": survey},
    }
    if request.method != "POST":
        context["form"] = PaperUploadForm()
        return TemplateResponse(request, "assessments/admin/paper_import.html", context)
    confirming = "csv_text" in request.POST
    form = PaperUploadForm(request.POST, request.FILES)
    if not confirming and not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, "assessments/admin/paper_import.html", context, status=400)
    try:
        if confirming:
            table = read_table(request.POST["csv_text"].encode("utf-8"), "confirmed.csv")
        else:
            upload = form.cleaned_data["file"]
            table = read_table(upload.read(1024 * 1024 + 1), upload.name)
        rows = check_rows(table, scale_max=assessment.cycle.scale_max)
    except PaperFileError as problem:
        context.update(form=PaperUploadForm(), file_error=str(problem))
        return TemplateResponse(request, "assessments/admin/paper_import.html", context, status=400)
    valid = all(row.is_valid for row in rows)
    if confirming and request.POST.get("confirm") and valid:
        count = survey_import(survey=survey, rows=rows, imported_by=request.user)
        messages.success(request, _("%(count)d paper responses imported.") % {"count": count})
        return redirect("assessments_admin:inspect", assessment.pk)
    context.update(rows=rows, valid=valid, csv_text=as_csv(rows), numbers=range(1, 13))
    return TemplateResponse(
        request,
        "assessments/admin/paper_preview.html",
        context,
        status=200 if valid else 400,
    )


def cohort_profiles_view(request, pk):
    """For the trainers of a cohort: the latest reviewed or submitted ELoGE profile of each of
    its municipalities next to the cohort's mastery map, so the gaps and the learning meet on
    one screen. Scores only: no comments, evidence or drafts."""
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=pk)
    latest = {}
    for assessment in (
        Assessment.objects.filter(municipality__in=cohort.organisations.all())
        .exclude(status__in=Assessment.EDITABLE)
        .select_related("cycle", "municipality")
        .order_by("municipality__name", "-cycle__starts_on")
    ):
        latest.setdefault(assessment.municipality_id, assessment)
    learner_ids = list(cohort.enrollments.values_list("learner_id", flat=True))
    context = {
        "heading": _("ELoGE profiles and mastery: %(cohort)s") % {"cohort": cohort.name},
        "cohort": cohort,
        "profiles": [profile_for(assessment=assessment) for assessment in latest.values()],
        "mastery": cohort_mastery_change(cohort, learner_ids),
        "learners": len(learner_ids),
    }
    return TemplateResponse(request, "assessments/admin/cohort_profiles.html", context)
