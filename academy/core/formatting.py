"""Numbers as the reader's language writes them."""

import datetime

from django.template.defaultfilters import floatformat
from django.utils import formats, timezone
from django.utils.translation import pgettext


def percent(value, decimal_pos=0) -> str:
    """`value` (0-100) with the per-cent sign, in the active language: 87.5 -> "87.5%" in
    English, "87,5 %" in Serbian. The decimal comma comes from Django's locale formats; whether
    a space goes before % is a spelling rule, so the translators decide it. `decimal_pos` works
    as in `floatformat` ("-1": one decimal only when there is one). Empty for no value."""
    if value is None or value == "":
        return ""
    if type(value) is int and int(decimal_pos) <= 0:
        number = str(value)  # what floatformat gives a whole number, at a tenth of its cost
    else:
        number = floatformat(value, decimal_pos)
    return pgettext(
        "a number followed by the per-cent sign; put a no-break space before % if your "
        "language's spelling wants one",
        "%(number)s%%",
    ) % {"number": number}


def day(value: datetime.date | datetime.datetime | None) -> str:
    """The day of `value` as the reader's language writes it: a date as it is, a moment on the
    site's clock (a late-evening moment in UTC is already the next day in Sarajevo); "-" for
    none."""
    if value is None:
        return "-"
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATE_FORMAT")
