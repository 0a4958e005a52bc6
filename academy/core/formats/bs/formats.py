# Django's own Bosnian formats are incomplete: SHORT_DATE_FORMAT is "Y M j" and there is no
# SHORT_DATETIME_FORMAT, so short dates fall back to the American "11/27/2026 9:05 prije p.".
# Bosnian writes dates, times and numbers as Croatian and Serbian Latin do ("27.11.2026. 09:05",
# "1.234,5"); month names still come from the Bosnian translation ("27. novembar 2026.").
from django.conf.locale.sr_Latn.formats import *  # noqa: F403
