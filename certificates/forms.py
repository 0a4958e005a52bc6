from django import forms
from django.utils.translation import gettext_lazy as _

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
