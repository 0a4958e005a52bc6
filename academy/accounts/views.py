from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, UpdateView

from .forms import ProfileForm, SignUpForm
from .services import user_register


class SignUpView(FormView):
    template_name = "accounts/signup.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(reverse_lazy("profile"))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = user_register(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
            preferred_language=form.cleaned_data["preferred_language"],
            organisation=form.cleaned_data["organisation"],
            role=form.cleaned_data["role"],
        )
        login(self.request, user, backend="academy.accounts.backends.EmailBackend")
        messages.success(self.request, _("Welcome to LAP Academy! Your account is ready."))
        return redirect(self.get_success_url())

    def get_success_url(self):
        # Only addresses on this site: "next" comes from the query string, so anyone can set it.
        next_url = self.request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return next_url
        return "/"


class ProfileView(LoginRequiredMixin, UpdateView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm
    success_url = reverse_lazy("profile")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, _("Your profile has been saved."))
        return super().form_valid(form)
