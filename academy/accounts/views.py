from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import FormView, TemplateView, UpdateView

from academy.core.links import local_url, translated_url
from academy.core.rate_limit import over_limit

from .data_export import data_export_request
from .erasure import erasure_request
from .forms import ProfileForm, ResendConfirmationForm, SignUpForm
from .models import DataExport, ErasureRequest
from .services import (
    InvalidConfirmationLink,
    preferred_language_set,
    signup_confirm,
    signup_confirmation_resend,
    signup_confirmation_user,
    signup_request,
)

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_GET
def switch_language(request, language):
    """Go to the same page in `language` (`next`, with `page` its Wagtail id) and remember the
    choice: on the profile of a signed-in learner (emails and certificates use it) and in the
    language cookie (for unprefixed URLs). Plain links, no form: no CSRF token in cached pages."""
    if language not in LANGUAGE_CODES:
        raise Http404
    next_url = local_url(request, request.GET.get("next", "/"))
    response = redirect(translated_url(next_url, request.GET.get("page"), language))
    # A GET that writes, on purpose (links, cacheable pages). The session cookie is SameSite=Lax,
    # so another site's image or script cannot do it; a link followed from another site can,
    # and the learner sees the language change at once and can switch back.
    if request.user.is_authenticated:
        preferred_language_set(user=request.user, language=language)
    return _with_language_cookie(response, language)


def _with_language_cookie(response, language):
    """The language for unprefixed URLs (the home page, links in old emails) from now on."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


# Sign-ups one client address may send in an hour: a workshop room behind one NAT signs up
# together, a script filling someone's inbox with notes is stopped.
SIGNUP_LIMIT = 30


class SignUpView(FormView):
    """Every valid sign-up leads to "check your email", whether or not the address has an
    account (`signup_request` emails its holder): the page tells nobody who is registered."""

    template_name = "accounts/signup.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(reverse_lazy("profile"))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if over_limit(self.request, scope="signup", limit=SIGNUP_LIMIT, seconds=3600):
            form.add_error(None, _("Too many sign-ups from your address. Try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        signup_request(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
            preferred_language=form.cleaned_data["preferred_language"],
            organisation=form.cleaned_data["organisation"],
            role=form.cleaned_data["role"],
            next_url=local_url(self.request, self.request.POST.get("next", "")),
        )
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("signup_sent")


class SignUpSentView(TemplateView):
    """ "Check your email": where sign-up and "resend" lead."""

    template_name = "accounts/signup_sent.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(email=self.request.session.get("signup_email"), **kwargs)


def _signed_up_here(request, user) -> bool:
    return request.session.get("signup_email", "").lower() == user.email.lower()


@require_http_methods(["GET", "POST"])
def signup_confirm_view(request, token):
    """The link in the confirmation email: activates the account and logs it in, once.

    Opened in another browser than the one that signed up, it first asks for a new password:
    whoever reads the address chooses it. Someone who signed up with another person's address
    (and chose the password) then does not share the account that person confirms."""
    try:
        user, _next_url = signup_confirmation_user(token=token)
        new_password = None
        if not user.is_active and not _signed_up_here(request, user):
            form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
            if not form.is_valid():
                status = 400 if request.method == "POST" else 200
                context = {"form": form, "email": user.email}
                return TemplateResponse(
                    request, "accounts/signup_confirm_password.html", context, status=status
                )
            new_password = form.cleaned_data["new_password1"]
        user, newly_confirmed, next_url = signup_confirm(token=token, new_password=new_password)
    except InvalidConfirmationLink as refusal:
        return TemplateResponse(
            request,
            "accounts/signup_confirm_failed.html",
            {"error": str(refusal), "form": ResendConfirmationForm()},
            status=400,
        )
    if not newly_confirmed:
        messages.info(request, _("Your email address is already confirmed. Please log in."))
        return redirect("login")
    login(request, user, backend="academy.accounts.backends.EmailBackend")
    messages.success(request, _("Your email address is confirmed. Welcome to LAP Academy!"))
    return redirect(local_url(request, next_url))


# Confirmation emails one client address may ask for in an hour: enough for typos, too few to
# flood someone's inbox.
RESEND_LIMIT = 5


class ResendConfirmationView(FormView):
    template_name = "accounts/signup_resend.html"
    form_class = ResendConfirmationForm

    def form_valid(self, form):
        if over_limit(self.request, scope="signup-resend", limit=RESEND_LIMIT, seconds=3600):
            form.add_error(None, _("Too many links asked for from your address. Try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        signup_confirmation_resend(email=form.cleaned_data["email"])
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return redirect(reverse("signup_sent"))


class ProfileView(LoginRequiredMixin, UpdateView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm
    success_url = reverse_lazy("profile")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        """A new language applies at once, as the language switcher's would."""
        response = super().form_valid(form)
        language = self.object.preferred_language
        with translation.override(language):
            messages.success(self.request, str(_("Your profile has been saved.")))
            if "preferred_language" in form.changed_data:
                return _with_language_cookie(redirect(reverse("profile")), language)
        return response


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """Download my data: ask for the archive (POST), follow its progress, download it. The page
    refreshes itself while the archive is being prepared (no JavaScript needed)."""
    if request.method == "POST":
        data_export_request(user=request.user)
        return redirect("my_data")
    export = DataExport.objects.filter(user=request.user).first()
    return TemplateResponse(request, "accounts/my_data.html", {"export": export})


@login_required
@require_GET
def my_data_download(request, pk):
    """The archive, to the person it is about while its link holds; 404 for anyone else, a
    clear page when it has expired."""
    export = DataExport.objects.filter(pk=pk, user=request.user).first()
    if export is None or export.status != DataExport.Status.DONE:
        raise Http404
    if not export.is_ready:
        messages.error(request, _("That download link has expired. Ask for a new archive."))
        return redirect("my_data")
    response = FileResponse(
        export.file.open("rb"), as_attachment=True, filename=export.file.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase_account(request):
    """Ask for one's data to be erased; see the request's state and, if refused, why."""
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that you ask for erasure."))
        else:
            erasure_request(user=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, _("Your request is sent. A site administrator decides."))
        return redirect("erase_account")
    latest = ErasureRequest.objects.filter(user=request.user).first()
    return TemplateResponse(request, "accounts/erase_account.html", {"erasure": latest})
