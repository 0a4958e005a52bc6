from django import forms
from django.utils.translation import gettext_lazy as _

from .open_badges_3 import MalformedCredential, read_credential

MAX_PDF_BYTES = 10 * 1024 * 1024


class PdfCheckForm(forms.Form):
    pdf = forms.FileField(
        label=_("Check a PDF"),
        help_text=_("Upload the certificate's PDF to check it is exactly the one issued."),
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB; a certificate is not."))
        if upload.read(5) != b"%PDF-":
            raise forms.ValidationError(_("This file is not a PDF."))
        upload.seek(0)
        return upload


MAX_CREDENTIAL_BYTES = 64 * 1024


class CredentialCheckForm(forms.Form):
    credential = forms.FileField(
        label=_("Credential file"),
        help_text=_(
            "The Open Badges 3.0 credential (.json or .jwt) downloaded from My certificates."
        ),
    )

    def clean_credential(self) -> str:
        """The compact VC-JWT in the file (see open_badges_3.read_credential)."""
        upload = self.cleaned_data["credential"]
        if upload.size > MAX_CREDENTIAL_BYTES:
            raise forms.ValidationError(_("The file is larger than 64 KB; a credential is not."))
        try:
            return read_credential(upload.read())
        except MalformedCredential as error:
            raise forms.ValidationError(str(error)) from error
