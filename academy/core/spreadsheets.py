"""Spreadsheet exports that cannot run formulas.

A learner named "=HYPERLINK(...)" or a question beginning with "-" would otherwise be read as a
formula when a trainer opens the CSV or XLSX export (CSV injection, see OWASP "CSV Injection").
Text cells starting with a formula character get a leading apostrophe, which spreadsheet programs
take as "this is text". Numbers, dates and booleans stay as they are, so a negative number is
still a number.
"""

from django.utils.functional import Promise

# The characters OWASP lists: the four that start a formula, and tab and carriage return, which
# some programs skip before reading the rest of the cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as a spreadsheet cell that is never a formula: text starting with =, +, -, @, a
    tab or a carriage return gets a leading apostrophe; other values are returned unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For views using Wagtail's `SpreadsheetExportMixin` (IndexView, ReportView): every exported
    cell, headings included, goes through `safe_cell`. Put it before the Wagtail view in the
    bases."""

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
