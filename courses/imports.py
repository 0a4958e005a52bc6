"""Bulk enrollment from a spreadsheet: parse and check every row before anything is written.

A CSV with the columns name, email, organisation, role (header required; comma or semicolon;
UTF-8, with or without BOM, as Excel saves it)."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from academy.accounts.models import LearnerRole, Organisation, User

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
COLUMNS = ["name", "email", "organisation", "role"]
ROLE_NAMES = {str(label).lower(): value for value, label in LearnerRole.choices} | {
    value: value for value in LearnerRole.values
}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not CSV, too big, missing columns)."""


@dataclass
class ImportRow:
    line: int
    name: str
    email: str
    organisation_name: str
    role: str
    organisation: Organisation | None = None
    existing_user: User | None = None
    already_enrolled: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors


def not_csv() -> str:
    return _("The file cannot be read as CSV. Save it from your spreadsheet as “CSV UTF-8”.")


def read_csv(data: bytes) -> list[dict]:
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 1 MB. Split it into smaller files."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text. Save it as “CSV UTF-8”.")) from None
    if "\x00" in text:  # binary, not text (and PostgreSQL cannot store it)
        raise ImportFileError(not_csv())
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        headers = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        missing = [c for c in COLUMNS if c not in headers]
        if missing:
            raise ImportFileError(
                _("The first line must name the columns %(columns)s; missing: %(missing)s.")
                % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)}
            )
        reader.fieldnames = headers
        rows = list(reader)
    except csv.Error:
        # A binary file that happens to be valid UTF-8, or a cell of 100,000+ characters.
        raise ImportFileError(not_csv()) from None
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)d learners per file.") % {"max": MAX_ROWS})
    return rows


def check_rows(raw_rows: list[dict], *, course) -> list[ImportRow]:
    """Every row with what it will do or why it cannot: bad email, unknown organisation,
    duplicate in the file. Three queries, whatever the number of rows."""
    from .models import Enrollment

    rows = [
        ImportRow(
            line=number,
            name=" ".join((raw.get("name") or "").split()),
            email=User.objects.normalize_email(raw.get("email") or ""),
            organisation_name=(raw.get("organisation") or "").strip(),
            role=(raw.get("role") or "").strip().lower(),
        )
        for number, raw in enumerate(raw_rows, start=2)
    ]
    organisations = {o.name.casefold(): o for o in Organisation.objects.all()}
    users = {u.email: u for u in User.objects.filter(email__in=[r.email for r in rows])}
    enrolled = set(
        Enrollment.objects.filter(course=course, learner__in=users.values()).values_list(
            "learner__email", flat=True
        )
    )
    seen = set()
    for row in rows:
        if not row.name:
            row.errors.append(_("The name is missing."))
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("“%(email)s” is not an email address.") % {"email": row.email})
        if row.email in seen:
            row.errors.append(_("This email appears earlier in the file."))
        seen.add(row.email)
        if row.organisation_name:
            row.organisation = organisations.get(row.organisation_name.casefold())
            if row.organisation is None:
                row.errors.append(
                    _("Unknown organisation “%(name)s”.") % {"name": row.organisation_name}
                )
        if row.role and row.role not in ROLE_NAMES:
            row.errors.append(_("Unknown role “%(role)s”.") % {"role": row.role})
        row.role = ROLE_NAMES.get(row.role, "")
        row.existing_user = users.get(row.email)
        row.already_enrolled = row.email in enrolled
    return rows
