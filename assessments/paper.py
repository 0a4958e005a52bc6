"""Paper surveys typed into a spreadsheet: reading a CSV or XLSX file into rows that are checked
one by one, so the preview can say what each row will do or why it cannot.

The file has a heading row with the columns `p1` ... `p12` (a rating from 0 to the cycle's
highest, or empty for "don't know") and optionally `comment`. Pure functions: no database.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
COLUMNS = [f"p{number}" for number in range(1, 13)]


class PaperFileError(ValueError):
    """The file as a whole cannot be read (not a CSV/XLSX, no heading, too large)."""


@dataclass
class PaperRow:
    line: int
    scores: dict[int, int | None] = field(default_factory=dict)
    comment: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The file's cells as text, the heading row first."""
    if len(data) > MAX_BYTES:
        raise PaperFileError(_("The file is larger than 1 MB."))
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            return [
                ["" if cell is None else str(cell).strip() for cell in row]
                for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1)
            ]
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise PaperFileError(_("This is not an Excel (XLSX) file.")) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PaperFileError(_("Save the CSV file as UTF-8 and upload it again.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def check_rows(table: list[list[str]], *, scale_max: int) -> list[PaperRow]:
    """Each data row of `table` as a PaperRow with its problems, or a PaperFileError when the
    heading lacks the rating columns."""
    if not table:
        raise PaperFileError(_("The file is empty."))
    heading = [cell.strip().lower() for cell in table[0]]
    missing = [column for column in COLUMNS if column not in heading]
    if missing:
        raise PaperFileError(
            _("The heading row must name the columns %(columns)s; missing: %(missing)s.")
            % {"columns": ", ".join([*COLUMNS, "comment"]), "missing": ", ".join(missing)}
        )
    if len(table) - 1 > MAX_ROWS:
        raise PaperFileError(_("At most %(count)d responses per file.") % {"count": MAX_ROWS})
    position = {name: index for index, name in enumerate(heading)}
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue  # blank lines between blocks of typing
        row = PaperRow(line=line)
        for number, column in enumerate(COLUMNS, start=1):
            raw = cells[position[column]] if position[column] < len(cells) else ""
            if raw == "":
                row.scores[number] = None
                continue
            try:
                score = int(float(raw)) if float(raw).is_integer() else -1
            except ValueError:
                score = -1
            if not 0 <= score <= scale_max:
                row.errors.append(
                    _("%(column)s: %(value)s is not a rating from 0 to %(max)d.")
                    % {"column": column, "value": raw, "max": scale_max}
                )
            else:
                row.scores[number] = score
        if "comment" in position and position["comment"] < len(cells):
            row.comment = cells[position["comment"]][:2000]
        if all(score is None for score in row.scores.values()) and not row.errors:
            row.errors.append(_("The row has no rating."))
        rows.append(row)
    if not rows:
        raise PaperFileError(_("The file has no responses under its heading row."))
    return rows


def as_csv(rows: list[PaperRow]) -> str:
    """Checked rows written back as CSV text, for the preview to send back on import."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "comment"])
    for row in rows:
        writer.writerow(
            ["" if row.scores.get(n) is None else row.scores[n] for n in range(1, 13)]
            + [row.comment]
        )
    return out.getvalue()
