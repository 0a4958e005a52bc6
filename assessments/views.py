"""The team's matrix and profile, evidence downloads, the public surveys and the label holders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from academy.accounts.models import Organisation
from academy.core.rate_limit import over_limit

from .exports import profile_export
from .forms import read_matrix, read_survey
from .models import Assessment, AssessmentEvent, Evidence, Survey
from .permissions import assessments_visible_to, is_team_member, may_review, team_assessments
from .selectors import (
    cohorts_of,
    current_labels,
    label_holders_page,
    matrix_for,
    principles_for_reader,
    profile_for,
    recommendations_for,
)
from .services import (
    AssessmentLocked,
    assessment_submit,
    evidence_add,
    evidence_remove,
    ratings_save,
    survey_respond,
)

SURVEY_LIMIT = 20  # responses per client address per hour, all surveys together
SURVEY_COOKIE_DAYS = 400  # browsers keep cookies at most about this long anyway


@login_required
def my_assessments(request):
    assessments = (
        team_assessments(request.user)
        .select_related("cycle", "municipality")
        .order_by("-cycle__starts_on")
    )
    return TemplateResponse(
        request, "assessments/my_assessments.html", {"assessments": assessments}
    )


def _team_assessment(request, pk) -> Assessment:
    """The assessment of `pk` if `request.user` is in its team; 404 for anyone else."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("cycle", "municipality", "coordinator"), pk=pk
    )
    if not is_team_member(request.user, assessment):
        raise Http404
    return assessment


def _matrix_response(request, assessment, *, submission=None, status=200, submit_error=None):
    rows = matrix_for(assessment=assessment)
    typed = submission.values if submission else {}
    errors = submission.errors if submission else {}
    for group in rows:
        for row in group.statements:
            # What the form shows: what was just typed when it comes back with errors (nothing
            # typed is lost), else what is saved.
            saved = row.rating
            row.shown = typed.get(row.key) or {
                "score": "" if saved is None or saved.score is None else str(saved.score),
                "justification": saved.justification if saved else "",
                "evidence": saved.evidence_notes if saved else "",
            }
            row.error = errors.get(row.key)
    context = {
        "assessment": assessment,
        "cycle": assessment.cycle,
        "matrix": rows,
        "errors": errors,
        "scale": assessment.cycle.ratings,
        "is_coordinator": request.user.pk == assessment.coordinator_id,
        # The team shares these with citizens, councillors and staff.
        "survey_links": [
            (
                survey,
                request.build_absolute_uri(reverse("assessments:survey", args=[survey.token])),
            )
            for survey in assessment.surveys.all()
        ],
        "review_comments": assessment.events.filter(
            action=AssessmentEvent.Action.COMMENTED
        ).order_by("principle_number", "created_at"),
        "submission": submission,
        "submit_error": submit_error,
    }
    return TemplateResponse(request, "assessments/matrix.html", context, status=status)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def matrix(request, pk):
    """The matrix: GET shows it (read-only once submitted); POST saves the draft, with new
    evidence documents, all or nothing: on any error nothing is saved and the form comes back
    with what was typed and each error at its statement."""
    assessment = _team_assessment(request, pk)
    if request.method == "GET":
        return _matrix_response(request, assessment)
    if not assessment.is_editable:
        messages.error(request, _("This assessment is submitted and can no longer be changed."))
        return _matrix_response(request, assessment, status=409)
    submission = read_matrix(request.POST, request.FILES, scale_max=assessment.cycle.scale_max)
    if submission.errors:
        return _matrix_response(request, assessment, submission=submission, status=400)
    try:
        with transaction.atomic():
            ratings_save(assessment=assessment, user=request.user, entries=submission.entries)
            if submission.removed:
                evidence_remove(
                    assessment=assessment, user=request.user, evidence_ids=submission.removed
                )
            for (number, statement), uploads in submission.uploads.items():
                for upload in uploads:
                    evidence_add(
                        assessment=assessment,
                        user=request.user,
                        principle_number=number,
                        statement=statement,
                        upload=upload,
                    )
    except AssessmentLocked as locked:
        messages.error(request, locked.messages[0])
        return _matrix_response(request, assessment, status=409)
    except ValidationError as invalid:
        submission.errors = getattr(invalid, "message_dict", {"": invalid.messages})
        return _matrix_response(request, assessment, submission=submission, status=400)
    messages.success(request, _("Your draft is saved."))
    anchor = request.POST.get("saved_from", "")
    anchor = f"#principle-{anchor}" if anchor.isdigit() else ""
    return redirect(reverse("assessments:matrix", args=[assessment.pk]) + anchor)


@login_required
@require_POST
def submit(request, pk):
    assessment = _team_assessment(request, pk)
    try:
        assessment_submit(assessment=assessment, user=request.user)
    except PermissionDenied:
        messages.error(request, _("Only the coordinator submits the assessment."))
        return redirect("assessments:matrix", assessment.pk)
    except ValidationError as invalid:
        return _matrix_response(request, assessment, status=400, submit_error=invalid.messages[0])
    messages.success(request, _("The assessment is submitted. The reviewers will read it."))
    return redirect("assessments:matrix", assessment.pk)


def _readable_assessment(request, pk) -> Assessment:
    assessment = get_object_or_404(
        assessments_visible_to(request.user).select_related("cycle", "municipality"), pk=pk
    )
    return assessment


@login_required
def profile(request, pk):
    """The principle profile and the modules it recommends; `?export=csv|xlsx` downloads it."""
    assessment = _readable_assessment(request, pk)
    result = profile_for(assessment=assessment)
    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        return profile_export(result, export_format=export)
    context = {
        "assessment": assessment,
        "profile": result,
        "recommendations": recommendations_for(profile=result),
        # Comments of an audience under the minimum stay hidden too: few enough to recognise.
        "comments": [
            (Survey.Audience(audience).label, comment)
            for audience, comment in assessment.surveys.filter(
                responses__comment__gt="",
                audience__in=[audience.audience for audience in result.shown_audiences],
            )
            .values_list("audience", "responses__comment")
            .order_by("audience", "responses__pk")
        ],
    }
    return TemplateResponse(request, "assessments/profile.html", context)


@login_required
def evidence_download(request, pk):
    """An evidence document, to the assessment's team and reviewers; 404 for anyone else."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("rating__assessment__cycle"), pk=pk
    )
    assessment = evidence.rating.assessment
    if not (is_team_member(request.user, assessment) or may_review(request.user, assessment)):
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=evidence.original_name)
    response["Cache-Control"] = "private, no-store"
    return response


# Public surveys


def _survey_cookie(survey) -> str:
    return f"survey-{survey.pk}"


def _answered(request, survey) -> bool:
    value = request.get_signed_cookie(_survey_cookie(survey), default=None, salt="survey")
    return value == survey.token


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request, token):
    """A public survey: anyone with the link answers once per browser, anonymously."""
    found = get_object_or_404(
        Survey.objects.select_related("assessment__cycle", "assessment__municipality"),
        token=token,
    )
    cycle = found.assessment.cycle
    context = {
        "survey": found,
        "cycle": cycle,
        "municipality": found.assessment.municipality,
        "principles": principles_for_reader(),
        "scale": cycle.ratings,
        "intro": cycle.survey_intro_in(translation.get_language()),
    }
    if not found.accepts_responses():
        return TemplateResponse(request, "assessments/survey_closed.html", context, status=410)
    if _answered(request, found):
        return TemplateResponse(request, "assessments/survey_thanks.html", context)
    if request.method == "GET":
        return TemplateResponse(request, "assessments/survey.html", context)
    if over_limit(request, scope="survey", limit=SURVEY_LIMIT, seconds=3600):
        return HttpResponse(
            _("Too many responses from your address. Please try again later."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
    scores, comment, errors = read_survey(request.POST, scale_max=cycle.scale_max)
    if errors:
        context.update(errors=errors, sent=request.POST)
        return TemplateResponse(request, "assessments/survey.html", context, status=400)
    try:
        survey_respond(
            survey=found, scores=scores, comment=comment, language=translation.get_language()
        )
    except ValidationError:
        return TemplateResponse(request, "assessments/survey_closed.html", context, status=410)
    response = TemplateResponse(request, "assessments/survey_thanks.html", context)
    response.set_signed_cookie(
        _survey_cookie(found),
        found.token,
        salt="survey",
        max_age=SURVEY_COOKIE_DAYS * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def label_holders(request):
    """The label holders: the editable page in the reader's language (or a fallback), else,
    on a site without one, the same list under the default heading."""
    page = label_holders_page()
    if page is not None:
        return redirect(page.url)
    return TemplateResponse(request, "assessments/label_holders.html", {"labels": current_labels()})


def municipality(request, pk):
    """A municipality's public profile: the label it holds (and held), and the LAP cohorts it
    takes part in. Nothing of its assessments: those are the team's and the reviewers'."""
    found = get_object_or_404(Organisation, pk=pk, kind=Organisation.Kind.MUNICIPALITY)
    today = timezone.localdate()
    labels = list(found.labels.select_related("assessment__cycle").order_by("-valid_from"))
    context = {
        "municipality": found,
        "current": next(
            (label for label in labels if label.valid_from <= today <= label.valid_until), None
        ),
        "labels": labels,
        "cohorts": cohorts_of(organisation=found),
    }
    return TemplateResponse(request, "assessments/municipality.html", context)
