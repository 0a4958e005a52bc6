"""The profile as a spreadsheet (CSV or XLSX): the same numbers as the page, and no column for
an audience under the minimum of responses."""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

from academy.core.spreadsheets import safe_cell

from .selectors import Profile


def profile_table(profile: Profile) -> list[list]:
    """Heading row and one row per principle, numbers as numbers (None when there is none)."""
    audiences = profile.shown_audiences
    heading = [
        _("Number"),
        _("Principle"),
        _("Self-assessment"),
        *[str(audience.label) for audience in audiences],
        _("Previous cycle"),
        _("Change"),
    ]
    rows = [
        [
            row.number,
            row.name,
            row.self_score,
            *[row.surveys.get(audience.audience) for audience in audiences],
            row.previous,
            row.change,
        ]
        for row in profile.rows
    ]
    return [heading, *rows]


def profile_export(profile: Profile, *, export_format: str) -> HttpResponse:
    table = [[safe_cell(cell) for cell in row] for row in profile_table(profile)]
    assessment = profile.assessment
    name = slugify(f"eloge-{assessment.cycle.name}-{assessment.municipality.name}") or "eloge"
    if export_format == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # so spreadsheet programs read UTF-8 (č, ć, Cyrillic)
        writer = csv.writer(response)
        for row in table:
            writer.writerow(["" if cell is None else cell for cell in row])
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Profile")[:31]
        for row in table:
            sheet.append([float(cell) if hasattr(cell, "as_tuple") else cell for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{export_format}"'
    return response
