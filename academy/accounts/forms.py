from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordMixin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import User
from .services import awaits_confirmation, password_reset_request


class EmailCleaningMixin:
    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _(
                    "An account with this email address already exists. "
                    "Log in or reset your password."
                )
            )
        return email


class SignUpForm(EmailCleaningMixin, SetPasswordMixin, forms.ModelForm):
    password1, password2 = SetPasswordMixin.create_password_fields()

    class Meta:
        model = User
        fields = ["full_name", "email", "organisation", "role", "preferred_language"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean_email(self):
        """Someone who signed up and lost the confirmation email can neither log in nor reset
        the password: offer the link again instead."""
        email = User.objects.normalize_email(self.cleaned_data["email"])
        existing = User.objects.filter(email__iexact=email).first()
        if existing is not None and awaits_confirmation(existing):
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("You signed up with this address but have not confirmed it yet."),
                    reverse("signup_resend"),
                    _("Send the confirmation link again"),
                )
            )
        return super().clean_email()

    def clean(self):
        self.validate_passwords()
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        self.validate_password_for_user(self.instance)


class ProfileForm(EmailCleaningMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "full_name",
            "email",
            "organisation",
            "role",
            "preferred_language",
            "reminders_opt_out",
        ]


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form (it finds active accounts with a password by email, whatever its case),
    except that the email is queued for a worker instead of sent during the request."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        password_reset_request(user=context["user"])


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
