# Django's formats, with the month of a full date in the genitive (academy/core/formats).
from django.conf.locale.sr_Latn.formats import *  # noqa: F403

from academy.core.formats import DATE_FORMAT, DATETIME_FORMAT, MONTH_DAY_FORMAT  # noqa: F401
