# Django's own Bosnian formats are incomplete: SHORT_DATE_FORMAT is "Y M j" and there is no
# SHORT_DATETIME_FORMAT, so short dates fall back to the American "11/27/2026 9:05 prije p.".
# Bosnian writes dates, times and numbers as Croatian and Serbian Latin do ("27.11.2026. 09:05",
# "1.234,5"), with the month of a full date in the genitive ("27. novembra 2026.").
from django.conf.locale.sr_Latn.formats import *  # noqa: F403

from academy.core.formats import DATE_FORMAT, DATETIME_FORMAT, MONTH_DAY_FORMAT  # noqa: F401
