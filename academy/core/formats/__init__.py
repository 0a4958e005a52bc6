"""The project's date and number formats (FORMAT_MODULE_PATH), where Django's differ from how
the language is written.

Bosnian and Serbian write the month of a full date in the genitive, as Croatian does
("27. novembra 2026.", "27. новембра 2026.", "27. studenoga 2026."). Their formats use Django's
"E", the "alt. month" names, which Django's own bs and sr catalogues give in the nominative;
the project's catalogues give the genitive. The names are listed here so that `make messages`
keeps them in the catalogues."""

from django.utils.translation import pgettext_lazy

MONTHS_IN_DATES = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

# A full date with the month in the genitive (see above), for bs, sr and sr_Latn.
DATE_FORMAT = "j. E Y."
DATETIME_FORMAT = "j. E Y. H:i"
MONTH_DAY_FORMAT = "j. E"
