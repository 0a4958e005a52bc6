"""Certificate PDFs with reportlab: A4, embedded Roboto (Latin with č ć đ š ž, and Cyrillic), the
issuers' logos, signatures, a QR code of the verification URL, the serial and the code."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from academy.core.documents import register_fonts
from academy.core.formatting import percent
from courses.requirements import certificate_facts

from .models import PLACEHOLDER, printed_name


def verification_url(certificate) -> str:
    """What the QR code encodes: the public verification page of this certificate."""
    return settings.WAGTAILADMIN_BASE_URL + certificate.verification_path


def fill_placeholders(text: str, values: dict) -> str:
    """Replace {learner}, {course}, ... ; anything else in braces is left as typed."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


def placeholder_values(certificate) -> dict:
    issued = certificate.issued_at or certificate.requested_at
    return {
        "learner": certificate.learner_name,
        "course": certificate.course_title,
        "date": formats.date_format(timezone.localtime(issued), "DATE_FORMAT"),
        "hours": certificate.hours,
        "principles": ", ".join(f"{p['number']}. {p['name']}" for p in certificate.principles),
        "score": percent(certificate.score) or "-",
        "serial": certificate.serial or "",
        **dict.fromkeys(certificate_facts(), "-"),
        **certificate.facts,
    }


def _images_by_name(rows, field: str, language: str) -> dict:
    """Each row's image under its name as written on the template and as printed in `language`."""
    return {
        name: getattr(row, field)
        for row in rows
        for name in (row.name, printed_name(row.name, language=language))
    }


def _image(image):
    if image is None:
        return None
    try:
        with image.file.open("rb") as handle:
            return ImageReader(BytesIO(handle.read()))
    except (OSError, ValueError):
        return None  # a missing logo never stops a certificate


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code of `payload` as rows of dark (True) and light modules, error level M."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    return [[code.isDark(row, col) for col in range(count)] for row in range(count)]


def draw_qr(canvas, payload, *, x, y, side):
    """Draw the QR code straight onto the canvas, one rectangle per run of dark modules (much
    faster than reportlab's QR widget, which builds a shape per module)."""
    modules = qr_modules(payload)
    quiet = 2  # modules of white margin on each side
    unit = side / (len(modules) + 2 * quiet)
    canvas.setFillColor(HexColor("#000000"))
    for row, line in enumerate(modules):
        top = y + side - (row + quiet + 1) * unit
        col = 0
        while col < len(line):
            if line[col]:
                start = col
                while col < len(line) and line[col]:
                    col += 1
                left = x + (start + quiet) * unit
                canvas.rect(left, top, (col - start) * unit, unit, stroke=0, fill=1)
            else:
                col += 1


def render_pdf(certificate, template=None) -> bytes:
    """The certificate as PDF bytes, in the certificate's language: with its template in that
    language, or with `template` exactly as given (a preview of unsaved edits)."""
    register_fonts()
    with translation.override(certificate.language):
        if template is None:
            template = certificate.template.in_language(certificate.language)
        return _render(certificate, template)


def _render(certificate, template) -> bytes:
    size = landscape(A4) if template.orientation == "landscape" else A4
    width, height = size
    accent = HexColor(template.accent_colour)
    buffer = BytesIO()
    # Roboto from the start, so the page references no font that is not embedded.
    canvas = Canvas(buffer, pagesize=size, pageCompression=1, initialFontName="Roboto")
    canvas.setTitle(f"{template.title} {certificate.serial}")
    canvas.setAuthor(", ".join(certificate.issuers) or "LAP Academy")
    canvas.setSubject(certificate.course_title)

    canvas.setStrokeColor(accent)
    canvas.setLineWidth(4)
    canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    canvas.setLineWidth(1)
    canvas.rect(13 * mm, 13 * mm, width - 26 * mm, height - 26 * mm)

    # Names as printed when issued (the certificate's snapshot); images from the template,
    # found by the name as written there or as this certificate prints it.
    people = template.with_people()
    logos = _images_by_name(people.issuers.all(), "logo", certificate.language)
    x = 25 * mm
    for name in certificate.issuers:
        logo = _image(logos.get(name))
        if logo:
            canvas.drawImage(
                logo, x, height - 42 * mm, 40 * mm, 20 * mm, preserveAspectRatio=True, mask="auto"
            )
        canvas.setFont("Roboto", 9)
        canvas.setFillColor(HexColor("#333333"))
        canvas.drawString(x, height - 47 * mm, name)
        x += 70 * mm

    canvas.setFillColor(accent)
    canvas.setFont("Roboto-Bold", 30)
    canvas.drawCentredString(width / 2, height - 70 * mm, template.title)
    canvas.setFillColor(HexColor("#111111"))
    canvas.setFont("Roboto-Bold", 26)
    canvas.drawCentredString(width / 2, height - 90 * mm, certificate.learner_name)

    style = ParagraphStyle("body", fontName="Roboto", fontSize=13, leading=18, alignment=TA_CENTER)
    body = Paragraph(
        escape(fill_placeholders(template.body, placeholder_values(certificate))), style
    )
    body_width = width - 70 * mm
    _w, body_height = body.wrap(body_width, 60 * mm)
    body.drawOn(canvas, 35 * mm, height - 100 * mm - body_height)

    x = 30 * mm
    signatures = _images_by_name(people.signatories.all(), "signature", certificate.language)
    for signatory in certificate.signatories:
        signature = _image(signatures.get(signatory["name"]))
        if signature:
            canvas.drawImage(
                signature, x, 40 * mm, 50 * mm, 15 * mm, preserveAspectRatio=True, mask="auto"
            )
        canvas.setStrokeColor(HexColor("#555555"))
        canvas.line(x, 38 * mm, x + 60 * mm, 38 * mm)
        canvas.setFont("Roboto-Bold", 10)
        canvas.drawString(x, 33 * mm, signatory["name"])
        canvas.setFont("Roboto", 9)
        canvas.drawString(x, 28 * mm, signatory["title"])
        x += 75 * mm

    url = verification_url(certificate)
    side = 32 * mm
    draw_qr(canvas, url, x=width - 25 * mm - side, y=27 * mm, side=side)

    canvas.setFont("Roboto", 9)
    canvas.setFillColor(HexColor("#333333"))
    right = width - 25 * mm
    canvas.drawRightString(right, 23 * mm, _("Serial: %(serial)s") % {"serial": certificate.serial})
    canvas.drawRightString(
        right, 19 * mm, _("Verification code: %(code)s") % {"code": certificate.display_code}
    )
    canvas.drawRightString(right, 15 * mm, _("Verify at %(url)s") % {"url": url})
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
