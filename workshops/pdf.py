"""The printable sign-in sheet of a meeting (reportlab, embedded Roboto for č ć đ š ž and
Cyrillic, as the certificates): the project's logos, session, venue, date and time, then one row
per learner with name, organisation and an empty signature cell, repeated on as many A4 pages as
the cohort needs."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from wagtail.models import Site

from academy.core.documents import BOLD, FONT, register_fonts

from .models import SignInSheetSettings
from .selectors import roll_call_rows


def _text(value) -> str:
    """Text as a Paragraph shows it: reportlab reads markup, a name never is."""
    return escape(str(value))


def _logo(image, height):
    try:
        with image.file.open("rb") as handle:
            data = handle.read()
        width, tall = ImageReader(BytesIO(data)).getSize()
    except (OSError, ValueError):
        return None  # a missing or broken logo never stops a sheet
    return Image(BytesIO(data), width=height * width / tall, height=height)


def cohort_language(cohort) -> str:
    return cohort.course.locale.language_code


def sign_in_sheet_pdf(*, meeting, request=None) -> bytes:
    """The sheet as PDF bytes, in the language of the cohort's course."""
    register_fonts()
    cohort = meeting.session.cohort
    with translation.override(cohort_language(cohort)):
        return _render(meeting, cohort, request)


def _render(meeting, cohort, request):
    session = meeting.session
    site = (Site.find_for_request(request) if request else None) or Site.objects.filter(
        is_default_site=True
    ).first()
    settings = SignInSheetSettings.for_site(site) if site else SignInSheetSettings()
    normal = ParagraphStyle("normal", fontName=FONT, fontSize=10, leading=13)
    small = ParagraphStyle("small", parent=normal, fontSize=8, leading=10)
    title = ParagraphStyle("title", parent=normal, fontName=BOLD, fontSize=15, leading=19)
    story = []
    logos = [logo for logo in (_logo(img, 14 * mm) for img in settings.logos) if logo]
    if logos:
        story += [Table([logos], hAlign="LEFT"), Spacer(1, 4 * mm)]
    if settings.project_name:
        story.append(Paragraph(_text(settings.project_name), normal))
    starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    story += [
        Paragraph(_("Sign-in sheet"), title),
        Paragraph(
            _text(" · ".join(part for part in (cohort.name, session.title, meeting.label) if part)),
            normal,
        ),
        Paragraph(
            _("Date: %(date)s, %(start)s-%(end)s")
            % {
                "date": formats.date_format(starts, "DATE_FORMAT"),
                "start": formats.time_format(starts, "TIME_FORMAT"),
                "end": formats.time_format(ends, "TIME_FORMAT"),
            },
            normal,
        ),
        Paragraph(_text(_("Venue: %(venue)s") % {"venue": session.where or "-"}), normal),
        Spacer(1, 5 * mm),
    ]
    rows = [
        [
            Paragraph("#", small),
            Paragraph(_text(_("Name")), small),
            Paragraph(_text(_("Organisation")), small),
            Paragraph(_text(_("Signature")), small),
        ]
    ]
    learners = [row for row in roll_call_rows(meeting=meeting) if not row.left_cohort]
    for number, row in enumerate(learners, 1):
        rows.append(
            [
                Paragraph(str(number), normal),
                Paragraph(_text(row.name), normal),
                Paragraph(_text(row.organisation), small),
                "",
            ]
        )
    for _blank in range(3):  # a guest or a late-comer signs on a blank line
        rows.append(["", "", "", ""])
    table = Table(
        rows,
        colWidths=[10 * mm, 62 * mm, 55 * mm, 55 * mm],
        rowHeights=[8 * mm] + [11 * mm] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(_("Trainer's signature:"), normal))
    if settings.funding_statement:
        story += [Spacer(1, 4 * mm), Paragraph(_text(settings.funding_statement), small)]
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=_("Sign-in sheet"),
    )
    document.build(story)
    return buffer.getvalue()
