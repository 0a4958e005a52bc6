"""Documents a learner takes away (the portfolio, an action plan) as plain data, rendered
once as HTML (templates/includes/document.html) and once as an A4 PDF with reportlab and
embedded Roboto (Latin with č ć đ š ž, and Cyrillic), so the two never say different things."""

from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import font_roboto
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT, BOLD = "Roboto", "Roboto-Bold"


@cache
def register_fonts():
    """Roboto for every PDF the platform writes (certificates, sign-in sheets, documents)."""
    directory = Path(font_roboto.__file__).parent / "files"
    pdfmetrics.registerFont(TTFont(FONT, directory / "Roboto-Regular.ttf"))
    pdfmetrics.registerFont(TTFont(BOLD, directory / "Roboto-Bold.ttf"))


@dataclass
class Grid:
    """A small table: a header row and rows of text."""

    header: list[str]
    rows: list[list[str]]


@dataclass
class Entry:
    """One thing in a section: a certificate, an assignment, a goal, a reflection."""

    title: str
    meta: str = ""  # one line under the title: course, date, score
    url: str = ""  # where it lives on the site (absolute in the PDF)
    paragraphs: list[str] = field(default_factory=list)
    grid: Grid | None = None


@dataclass
class Section:
    title: str
    entries: list[Entry]
    empty: str = ""  # what to say when there are no entries


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[Section]


def _text(value) -> str:
    """Text as a Paragraph shows it: reportlab reads markup, what a learner wrote never is."""
    return escape(str(value)).replace("\n", "<br/>")


def document_pdf(document: Document, *, base_url: str = "") -> bytes:
    """The document as A4 PDF bytes, in the active language; relative links made absolute
    with `base_url`."""
    register_fonts()
    normal = ParagraphStyle("normal", fontName=FONT, fontSize=10, leading=13.5, spaceAfter=3)
    small = ParagraphStyle("small", parent=normal, fontSize=8.5, leading=11, textColor="#444444")
    title = ParagraphStyle("title", parent=normal, fontName=BOLD, fontSize=18, leading=23)
    heading = ParagraphStyle(
        "heading", parent=normal, fontName=BOLD, fontSize=13.5, leading=17, spaceBefore=8
    )
    entry_title = ParagraphStyle("entry", parent=normal, fontName=BOLD, fontSize=11, leading=14)
    story = [
        Paragraph(_text(document.title), title),
        Paragraph(_text(document.subtitle), small),
        Spacer(1, 4 * mm),
    ]
    for section in document.sections:
        story.append(Paragraph(_text(section.title), heading))
        if not section.entries and section.empty:
            story.append(Paragraph(_text(section.empty), small))
        for entry in section.entries:
            block = [Paragraph(_text(entry.title), entry_title)]
            if entry.meta:
                block.append(Paragraph(_text(entry.meta), small))
            if entry.url:
                link = entry.url if "://" in entry.url else base_url + entry.url
                block.append(Paragraph(f'<link href="{escape(link)}">{_text(link)}</link>', small))
            block += [Paragraph(_text(text), normal) for text in entry.paragraphs if text]
            if entry.grid:
                block.append(_grid(entry.grid, small))
            block.append(Spacer(1, 3 * mm))
            story.append(KeepTogether(block))  # split only when taller than a page
    generated = formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
    buffer = BytesIO()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(16 * mm, 9 * mm, _text(document.title)[:90])
        canvas.drawRightString(
            A4[0] - 16 * mm,
            9 * mm,
            _("Page %(page)s · made %(date)s") % {"page": doc.page, "date": generated},
        )
        canvas.restoreState()

    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=document.title,
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def pdf_response(document: Document, *, request, filename: str) -> HttpResponse:
    """The document as a private PDF download, its links made absolute for this site."""
    pdf = document_pdf(document, base_url=request.build_absolute_uri("/")[:-1])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _grid(grid: Grid, style) -> Table:
    bold = ParagraphStyle("bold", parent=style, fontName=BOLD)
    rows = [[Paragraph(_text(cell), bold) for cell in grid.header]]
    rows += [[Paragraph(_text(cell), style) for cell in row] for row in grid.rows]
    table = Table(rows, repeatRows=1, hAlign="LEFT", colWidths=_widths(len(grid.header)))
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _widths(columns: int) -> list[float]:
    """The first column (what is assessed or done) takes the most room."""
    width = A4[0] - 32 * mm
    if columns == 1:
        return [width]
    first = width * 0.4
    return [first] + [(width - first) / (columns - 1)] * (columns - 1)
