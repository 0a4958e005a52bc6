"""Public verification, Open Badges endpoints, the learner's certificates and PDF downloads."""

import hashlib

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.log_actions import log

from academy.core.rate_limit import over_limit
from academy.governance.selectors import principle_names
from courses.models import CoursePage

from . import codes
from .badges import assertion_document, badge_class_document, issuer_document
from .forms import CredentialCheckForm, PdfCheckForm
from .keys import NoSigningKey, did_document
from .models import Certificate
from .open_badges_3 import (
    MEDIA_TYPE_JWT,
    credential_jwt,
    credential_verify,
    enveloped,
    sign,
    status_list_document,
)
from .pdf import render_pdf
from .permissions import can_manage_certificates
from .selectors import completed_courses_without_certificates

VERIFY_LIMIT = 30  # look-ups per client address per minute, verification and badges together


def _rate_limited(request) -> bool:
    return over_limit(request, scope="verify", limit=VERIFY_LIMIT)


def _too_many():
    return HttpResponse(
        _("Too many look-ups from your address. Please wait a minute and try again."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def verify_form(request):
    typed = request.GET.get("code", "").strip()
    if typed:
        code = codes.normalise(typed)
        if code:
            return redirect("certificates:verify", codes.display(code))
        return TemplateResponse(
            request,
            "certificates/verify_form.html",
            {
                "typed": typed,
                "error": _("A code has 16 letters and digits, like 7KQ2-M9XD-4RTA-0HWE."),
            },
            status=400,
        )
    return TemplateResponse(request, "certificates/verify_form.html", {})


@require_http_methods(["GET", "POST"])
def verify(request, code):
    if _rate_limited(request):
        return _too_many()
    normalised = codes.normalise(code)
    certificate = (
        Certificate.objects.exclude(status=Certificate.Status.PENDING)
        .select_related("replaced_by")
        .filter(code=normalised)
        .first()
        if normalised
        else None
    )
    if certificate is None:
        return TemplateResponse(
            request, "certificates/verify_not_found.html", {"typed": code}, status=404
        )
    context = {"certificate": certificate, "form": PdfCheckForm()}
    if request.method == "POST":
        form = PdfCheckForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            digest = hashlib.sha256(form.cleaned_data["pdf"].read()).hexdigest()
            context["pdf_matches"] = digest == certificate.pdf_sha256
        else:
            return TemplateResponse(request, "certificates/verify.html", context, status=400)
    return TemplateResponse(request, "certificates/verify.html", context)


@login_required
def my_certificates(request):
    certificates = (
        Certificate.objects.filter(learner=request.user)
        .select_related("course", "replaced_by")  # a request's title; a correction's link
        .order_by("-requested_at")
    )
    context = {
        "certificates": certificates,
        "without_certificates": completed_courses_without_certificates(learner=request.user),
    }
    return TemplateResponse(request, "certificates/my_certificates.html", context)


@login_required
def download(request, pk):
    """The PDF, to its owner and to certificate administrators; anyone else gets 404."""
    certificate = get_object_or_404(
        Certificate, pk=pk, status__in=["valid", "revoked", "superseded"]
    )
    if certificate.learner_id != request.user.pk and not can_manage_certificates(request.user):
        raise Http404
    if not certificate.pdf:
        raise Http404(_("The PDF is still being prepared. Try again in a minute."))
    log(instance=certificate, action="certificates.download", user=request.user)
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


@login_required
def credential_download(request, pk, extension):
    """The signed Open Badges 3.0 credential of a valid certificate, to its owner and to
    certificate administrators: the VC-JWT itself (.jwt) or wrapped in JSON (.json)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("learner"), pk=pk, status=Certificate.Status.VALID
    )
    if certificate.learner_id != request.user.pk and not can_manage_certificates(request.user):
        raise Http404
    try:
        token = credential_jwt(certificate)
    except NoSigningKey:
        return TemplateResponse(request, "certificates/credential_unavailable.html", status=503)
    if extension == "jwt":
        response = HttpResponse(token, content_type=MEDIA_TYPE_JWT)
    else:
        response = JsonResponse(enveloped(token), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = (
        f'attachment; filename="{certificate.serial}-open-badge.{extension}"'
    )
    return response


@require_http_methods(["GET", "POST"])
def verify_credential(request):
    """Check an uploaded Open Badges 3.0 credential: its proof, issuer, status and dates."""
    form = CredentialCheckForm()
    context = {"form": form}
    if request.method == "POST":
        if _rate_limited(request):
            return _too_many()
        form = CredentialCheckForm(request.POST, request.FILES)
        context["form"] = form
        if not form.is_valid():
            return TemplateResponse(
                request, "certificates/verify_credential.html", context, status=400
            )
        context["verdict"] = credential_verify(form.cleaned_data["credential"])
    return TemplateResponse(request, "certificates/verify_credential.html", context)


def did_json(request):
    """did:web: the issuer's keys, current and older, for anyone checking a credential."""
    return JsonResponse(did_document(), content_type="application/did+json")


def status_list(request, number):
    """A Bitstring Status List credential, signed, as the certificates stand now."""
    if number < 1:
        raise Http404
    try:
        token = sign(status_list_document(number))
    except NoSigningKey:
        return HttpResponse(
            _("Signed credentials are not set up yet."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(token, content_type=MEDIA_TYPE_JWT)


def _json_ld(document, status=200):
    return JsonResponse(document, status=status, content_type="application/ld+json")


def badge_issuer(request):
    return _json_ld(issuer_document())


def badge_class(request, course_id):
    return _json_ld(
        badge_class_document(get_object_or_404(CoursePage.objects.live(), pk=course_id))
    )


def badge_assertion(request, code):
    # Looks a code up like /verify/ does, so it shares that page's limit: otherwise it would be
    # a way round it for anyone guessing codes.
    if _rate_limited(request):
        return _too_many()
    certificate = get_object_or_404(
        Certificate.objects.exclude(status=Certificate.Status.PENDING).select_related("learner"),
        code=codes.normalise(code) or "",
    )
    document = assertion_document(certificate)
    # Open Badges 2.0: a revoked hosted assertion answers 410 Gone with the revocation.
    return _json_ld(document, status=410 if document.get("revoked") else 200)


def template_preview(request, template):
    """A sample PDF of a certificate template, for the admin's preview panel."""
    # Its placeholders are filled as a certificate in the template's language would be.
    with translation.override(template.locale.language_code):
        openness = principle_names().get(6, "")
    sample = Certificate(
        template=template,
        serial="LAP-2026-000000",
        code="0" * codes.LENGTH,
        learner_name="Милица Јовановић / Amra Hodžić",
        course_title="LAP Stage 1 - Leadership for Organisations",
        hours=12,
        principles=[{"number": 6, "name": openness}],
        language=request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "en",
        **template.printed_names(template.locale.language_code),
    )
    from django.utils import timezone

    sample.issued_at = timezone.now()
    # The template as edited, not its saved translation: the preview shows unsaved changes.
    return HttpResponse(render_pdf(sample, template=template), content_type="application/pdf")
