"""Cohorts in the Wagtail admin: listing, editing, invitation links and CSV bulk enrollment."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from academy.accounts.models import Organisation
from academy.core.spreadsheets import FormulaSafeExportMixin
from academy.core.viewsets import ScopedModelViewSet

from .catalogue import original_courses
from .grading import grading_kinds, work_to_grade
from .imports import ImportFileError, check_rows, read_csv
from .mastery import group_mastery, mastery_for_learners
from .models import Cohort, Enrollment, Reflection
from .reports import cohort_matrix, organisation_summary
from .services import cohort_import, cohort_rotate_invitation


def cohorts_visible_to(user):
    """Superusers see every cohort; trainers the cohorts they train or whose course they train."""
    cohorts = Cohort.objects.select_related("course")
    if user.is_superuser:
        return cohorts
    return cohorts.filter(Q(trainers=user) | Q(course__trainers=user)).distinct()


def enrollments_visible_to(user):
    """Superusers see every enrollment; trainers those in courses or cohorts they train."""
    enrollments = Enrollment.objects.select_related("learner", "course", "cohort")
    if user.is_superuser:
        return enrollments
    return enrollments.filter(Q(course__trainers=user) | Q(cohort__trainers=user)).distinct()


def courses_trained_by(user):
    """The courses, each once as written, that `user` may give cohorts and enrollments: every
    one for superusers, else those they train."""
    courses = original_courses()
    return courses if user.is_superuser else courses.filter(trainers=user)


def courses_visible_to(user):
    """The courses, each once as written, of what `user` sees in the admin: every one for
    superusers, else those they train or train a cohort of."""
    courses = original_courses()
    if user.is_superuser:
        return courses
    return courses.filter(Q(trainers=user) | Q(cohorts__trainers=user)).distinct()


def _courses_of_user(request):
    return courses_visible_to(request.user)


def course_filter(courses=_courses_of_user):
    """A filter on the course, offering each course once, as written: `courses(request)`, by
    default the user's own."""
    return django_filters.ModelChoiceFilter(queryset=courses, label=gettext_lazy("Course"))


def offer_courses(field, courses):
    """Offer `courses` in a form's course field, as a list: Wagtail's page chooser would browse
    every page, translations included."""
    field.widget = forms.Select()
    field.queryset = courses  # and the list's choices with it


class CohortFilterSet(WagtailFilterSet):
    course = course_filter()

    class Meta:
        model = Cohort
        fields = ["course", "organisations"]


class EnrollmentFilterSet(WagtailFilterSet):
    course = course_filter()
    # A trainer picks among their own cohorts, not every cohort's name.
    cohort = django_filters.ModelChoiceFilter(
        queryset=lambda request: cohorts_visible_to(request.user), label=gettext_lazy("Cohort")
    )

    class Meta:
        model = Enrollment
        fields = ["status", "course", "cohort"]


def invitation_url(request, cohort):
    return request.build_absolute_uri(
        reverse("courses:join_cohort", args=[cohort.invitation_token])
    )


class CohortIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(learner_count=Count("enrollments"))


_cohort_links = []


def register_cohort_link(*, label, url_name: str, icon: str = "link"):
    """Offer another app's screen about a cohort among its buttons: `url_name` takes the cohort's
    pk; the screen checks itself who may see it (e.g. assessments' ELoGE profiles)."""
    if url_name not in [link[1] for link in _cohort_links]:
        _cohort_links.append((label, url_name, icon))


class CohortInspectView(InspectView):
    template_name = "courses/admin/cohort_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitation_url"] = invitation_url(self.request, self.object)
        return context

    @cached_property
    def header_more_buttons(self):
        pk = self.object.pk
        return [
            *super().header_more_buttons,
            Button(
                _("Import learners (CSV)"),
                url=reverse("cohort_import", args=[pk]),
                icon_name="upload",
            ),
            Button(
                _("New invitation link"),
                url=reverse("cohort_rotate", args=[pk]),
                icon_name="rotate",
            ),
            Button(
                _("Progress report"), url=reverse("cohort_matrix", args=[pk]), icon_name="table"
            ),
            Button(_("Mastery map"), url=reverse("cohort_mastery", args=[pk]), icon_name="list-ol"),
            Button(
                _("Shared reflections"),
                url=reverse("cohort_reflections", args=[pk]),
                icon_name="comment",
            ),
            *[
                Button(label, url=reverse(url_name, args=[pk]), icon_name=icon)
                for label, url_name, icon in _cohort_links
            ],
        ]


class CohortForm(WagtailAdminModelForm):
    """A cohort as the user may set it: for a course they train (or its own course), and its
    trainers changed only by trainers of that course."""

    class Meta:
        model = Cohort
        fields = [
            "course",
            "name",
            "organisations",
            "trainers",
            "starts_on",
            "ends_on",
            "invitation_open",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        trained = courses_trained_by(self.for_user)
        own_course = self.instance.course_id
        offer_courses(
            self.fields["course"],
            original_courses().filter(Q(pk__in=trained.values("pk")) | Q(pk=own_course)),
        )
        if own_course and not trained.filter(pk=own_course).exists():
            # A trainer of this cohort only: its trainers stay as the course's trainers set them.
            self.fields["trainers"].disabled = True
            self.fields["trainers"].help_text = _(
                "Only trainers of the course change the trainers of its cohorts."
            )


class CohortViewSet(ScopedModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = CohortIndexView
    inspect_view_class = CohortInspectView
    inspect_view_enabled = True

    def visible_to(self, user):
        return cohorts_visible_to(user)

    def get_form_class(self, for_update=False):
        return CohortForm

    list_display = [
        "name",  # the title column: each row leads to its cohort
        Column("course", label=gettext_lazy("Course")),
        Column("learner_count", label=gettext_lazy("Learners")),
        Column("starts_on", label=gettext_lazy("Starts")),
        Column("ends_on", label=gettext_lazy("Ends")),
    ]
    filterset_class = CohortFilterSet
    search_fields = ["name"]
    search_backend_name = None


class ImportLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of new accounts"),
        choices=settings.LANGUAGES,
        required=False,  # left out: the site's default language
        help_text=gettext_lazy(
            "Their invitation, emails and certificates; each learner can change it later."
        ),
    )

    def clean_language(self):
        return self.cleaned_data["language"] or settings.LANGUAGE_CODE


class ImportUploadForm(ImportLanguageForm):
    field_order = ["file", "language"]
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("Columns: name, email, organisation, role. UTF-8, at most 1 MB."),
        # The content is checked whole anyway; this turns away a spreadsheet (.xlsx) or an
        # image chosen by mistake with a message that says what to upload.
        validators=[FileExtensionValidator(["csv", "txt"])],
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )


def _cohort_for(request, pk):
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=pk)
    if not request.user.has_perm("courses.change_cohort"):
        raise PermissionDenied
    return cohort


def import_view(request, pk):
    """Upload, preview every row (what it will do, or why it cannot), then import all or none."""
    cohort = _cohort_for(request, pk)
    context = {
        "cohort": cohort,
        "heading": _("Import learners into %(cohort)s") % {"cohort": cohort},
    }
    if request.method != "POST":
        form = ImportUploadForm(initial={"language": get_language()})
        return TemplateResponse(request, "courses/admin/import.html", {**context, "form": form})
    confirming = "csv_text" in request.POST  # the preview's rows, sent back to import
    form = (ImportLanguageForm if confirming else ImportUploadForm)(request.POST, request.FILES)
    if not form.is_valid():
        return TemplateResponse(
            request, "courses/admin/import.html", {**context, "form": form}, status=400
        )
    language = form.cleaned_data["language"]
    if confirming:
        data = request.POST["csv_text"].encode("utf-8")
    else:
        data = form.cleaned_data["file"].read(1024 * 1024 + 1)
    try:
        rows = check_rows(read_csv(data), course=cohort.course)
    except ImportFileError as problem:
        context.update(form=ImportUploadForm(), file_error=str(problem))
        return TemplateResponse(request, "courses/admin/import.html", context, status=400)
    valid = all(row.is_valid for row in rows)
    if request.POST.get("confirm") and valid:
        enrollments = cohort_import(
            cohort=cohort, rows=rows, imported_by=request.user, language=language
        )
        messages.success(
            request,
            ngettext(
                "%(count)d learner enrolled; invitations are on their way.",
                "%(count)d learners enrolled; invitations are on their way.",
                len(enrollments),
            )
            % {"count": len(enrollments)},
        )
        return redirect(reverse("cohorts:inspect", args=[cohort.pk]))
    return TemplateResponse(
        request,
        "courses/admin/import_preview.html",
        {
            **context,
            "rows": rows,
            "valid": valid,
            "csv_text": data.decode("utf-8-sig"),
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
        },
        status=200 if valid else 400,
    )


def rotate_view(request, pk):
    cohort = _cohort_for(request, pk)
    if request.method == "POST":
        cohort_rotate_invitation(cohort=cohort)
        messages.success(request, _("A new invitation link is ready; the old one no longer works."))
        return redirect(reverse("cohorts:inspect", args=[cohort.pk]))
    return TemplateResponse(
        request,
        "courses/admin/rotate.html",
        {"cohort": cohort, "heading": _("New invitation link for %(cohort)s") % {"cohort": cohort}},
    )


class EnrollmentIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("learner", "course", "cohort")


class EnrollmentForm(WagtailAdminModelForm):
    """An enrollment in a course the user trains, in one of that course's cohorts they see."""

    class Meta:
        model = Enrollment
        fields = ["learner", "course", "cohort", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_courses(self.fields["course"], courses_trained_by(self.for_user))
        self.fields["cohort"].queryset = cohorts_visible_to(self.for_user)

    def clean(self):
        cleaned = super().clean()
        course, cohort = cleaned.get("course"), cleaned.get("cohort")
        if course and cohort and cohort.course_id != course.pk:
            self.add_error("cohort", _("This cohort takes another course."))
        return cleaned


class EnrollmentViewSet(ScopedModelViewSet):
    model = Enrollment
    index_view_class = EnrollmentIndexView
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
    filterset_class = EnrollmentFilterSet
    search_fields = ["learner__full_name", "learner__email", "course__title"]
    list_export = [
        "learner",
        "course",
        "cohort",
        "status",
        "enrolled_at",
        "completed_at",
        "last_activity_at",
    ]
    inspect_view_enabled = True
    export_filename = "enrollments"

    def visible_to(self, user):
        return enrollments_visible_to(user)

    def get_form_class(self, for_update=False):
        return EnrollmentForm


class CohortMatrixView(FormulaSafeExportMixin, ReportView):
    """Learners by modules for one cohort, with filters, sorting and CSV/XLSX export."""

    template_name = "courses/admin/cohort_matrix.html"
    results_template_name = "courses/admin/cohort_matrix_results.html"
    header_icon = "table"
    paginate_by = 200
    permission_policy = ModelPermissionPolicy(Cohort)
    any_permission_required = ["view"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort = get_object_or_404(cohorts_visible_to(request.user), pk=kwargs["pk"])
        self.order = request.GET.get("order", "name")
        self.matrix = cohort_matrix(
            cohort=self.cohort,
            organisation_id=request.GET.get("organisation") or None,
            status=request.GET.get("status") or None,
            order=self.order,
        )
        columns = self.matrix.export_columns()
        self.list_export = [key for key, _label in columns]
        self.export_headings = dict(columns)
        self.export_filename = f"cohort-{self.cohort.pk}-progress"

    def get_page_title(self):
        return _("Progress of %(cohort)s") % {"cohort": self.cohort.name}

    def get_base_queryset(self):
        return self.matrix.rows

    def get_queryset(self):
        return self.matrix.rows

    def to_row_dict(self, item):
        return self.matrix.export_row(item)

    def get_index_url(self):
        return reverse("cohort_matrix", args=[self.cohort.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cohort=self.cohort,
            matrix=self.matrix,
            order=self.order,
            organisations=self.cohort.organisations.all(),
            statuses=Enrollment.Status.choices,
            selected_organisation=self.request.GET.get("organisation", ""),
            selected_status=self.request.GET.get("status", ""),
        )
        return context


def organisations_visible_to(user):
    """Superusers see every organisation; trainers those in the cohorts they train."""
    organisations = Organisation.objects.all()
    if user.is_superuser:
        return organisations
    return organisations.filter(cohorts__in=cohorts_visible_to(user)).distinct()


class OrganisationSummaryView(FormulaSafeExportMixin, ReportView):
    """Learners, enrollments, completions and certificates per municipality or CSO."""

    results_template_name = "courses/admin/organisation_summary_results.html"
    header_icon = "group"
    page_title = gettext_lazy("Organisations")
    index_url_name = "organisation_summary"
    index_results_url_name = "organisation_summary"
    permission_policy = ModelPermissionPolicy(Cohort)
    any_permission_required = ["view"]
    export_filename = "organisations"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.extra_columns, self.rows = organisation_summary(
            organisations=organisations_visible_to(request.user)
        )
        columns = [
            ("name", _("Organisation")),
            ("kind", _("Kind")),
            ("place", _("Place")),
            ("learners", _("Learners")),
            ("enrollments", _("Enrollments")),
            ("completions", _("Completions")),
            *self.extra_columns,
        ]
        self.list_export = [key for key, _label in columns]
        self.export_headings = dict(columns)

    def get_queryset(self):
        return self.rows

    def to_row_dict(self, item):
        return {key: item.extra.get(key, getattr(item, key, "")) for key in self.list_export}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "extra_columns": self.extra_columns}


def _mastery_page(request, *, title, learner_ids, courses):
    rows = group_mastery(mastery_for_learners(learner_ids, courses)) if learner_ids else []
    return TemplateResponse(
        request,
        "courses/admin/mastery.html",
        {"heading": title, "rows": rows, "learners": len(learner_ids)},
    )


def cohort_mastery_view(request, pk):
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=pk)
    learner_ids = list(cohort.enrollments.values_list("learner_id", flat=True))
    title = _("Mastery of the 12 principles: %(cohort)s") % {"cohort": cohort.name}
    return _mastery_page(request, title=title, learner_ids=learner_ids, courses=[cohort.course])


def organisation_mastery_view(request, pk):
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    # Only the courses the user sees: a trainer who added a municipality to their cohort must
    # not read its members' mastery in other trainers' courses.
    courses = list(
        courses_visible_to(request.user)
        .filter(enrollments__learner__organisation=organisation)
        .distinct()
    )
    learner_ids = list(
        organisation.members.filter(enrollments__course__in=courses)
        .values_list("pk", flat=True)
        .distinct()
    )
    title = _("Mastery of the 12 principles: %(name)s") % {"name": organisation.name}
    return _mastery_page(request, title=title, learner_ids=learner_ids, courses=courses)


class GradingQueueView(FormulaSafeExportMixin, ReportView):
    """One queue of the work waiting for `user`'s grade, of every kind the apps register (open
    quiz answers, assignments), oldest first; filters by kind, course, cohort and status; each
    row leads to its grading page, which offers "grade and go to the next"."""

    template_name = "courses/admin/grading_queue.html"
    results_template_name = "courses/admin/grading_queue_results.html"
    header_icon = "tick"
    page_title = gettext_lazy("Grading")
    index_url_name = "grading_queue"
    index_results_url_name = "grading_queue"
    paginate_by = 100
    export_filename = "grading"
    list_export = [
        "kind_label",
        "learner_name",
        "course_title",
        "step_title",
        "submitted_at",
        "status_label",
    ]
    export_headings = {
        "kind_label": gettext_lazy("Kind"),
        "learner_name": gettext_lazy("Learner"),
        "course_title": gettext_lazy("Course"),
        "step_title": gettext_lazy("Work"),
        "submitted_at": gettext_lazy("Handed in"),
        "status_label": gettext_lazy("Status"),
    }
    STATUSES = {"waiting": True, "graded": False, "all": None}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.chosen = {key: request.GET.get(key, "") for key in ("kind", "course", "cohort")}
        self.chosen["status"] = request.GET.get("status", "waiting")
        if self.chosen["status"] not in self.STATUSES:
            self.chosen["status"] = "waiting"
        for key in ("course", "cohort"):
            if not self.chosen[key].isdigit():
                self.chosen[key] = ""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_superuser or courses_visible_to(request.user).exists()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return work_to_grade(
            self.request.user,
            kind=self.chosen["kind"] or None,
            course_id=self.chosen["course"] or None,
            cohort_id=self.chosen["cohort"] or None,
            waiting=self.STATUSES[self.chosen["status"]],
        )

    def to_row_dict(self, item):
        return {key: getattr(item, key) for key in self.list_export}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = courses_visible_to(self.request.user).order_by("title")
        context.update(
            chosen=self.chosen,
            courses=courses,
            cohorts=cohorts_visible_to(self.request.user).order_by("name"),
            kinds=grading_kinds(),
            statuses=[("waiting", _("Waiting")), ("graded", _("Graded lately")), ("all", _("All"))],
        )
        return context


def cohort_reflections_view(request, pk):
    """The reflections the cohort's learners chose to share, lesson by lesson (private ones
    never appear)."""
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=pk)
    shared = (
        Reflection.objects.filter(
            shared=True,
            learner__enrollments__cohort=cohort,
            lesson__path__startswith=cohort.course.path,
        )
        .select_related("learner", "lesson")
        .order_by("lesson__path", "learner__full_name")
    )
    heading = _("Shared reflections: %(cohort)s") % {"cohort": cohort.name}
    return TemplateResponse(
        request,
        "courses/admin/cohort_reflections.html",
        {"heading": heading, "reflections": shared},
    )
