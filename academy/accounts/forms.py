from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from .models import User
from .services import password_reset_request


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


class SignUpForm(SetPasswordMixin, forms.ModelForm):
    """The email address is a form field, not a model field here: the model's uniqueness checks
    would tell anyone whether the address has an account. `signup_request` answers every address
    alike and emails its holder instead."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    field_order = ["full_name", "email"]

    class Meta:
        model = User
        fields = ["full_name", "organisation", "role", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        self.validate_passwords()
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        # The password may not resemble the name or the address typed.
        self.instance.email = self.cleaned_data.get("email", "")
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
