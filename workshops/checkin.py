"""Rotating check-in codes: six digits from an HMAC of the meeting and a 30-second window,
keyed with SECRET_KEY. A code is accepted in its own window and the next one, so a learner who
reads it just before it changes still gets in; an older code is refused. Pure functions of
(meeting id, time)."""

import hashlib
import hmac
from datetime import datetime

from django.conf import settings

WINDOW_SECONDS = 30
DIGITS = 6


def window_of(moment: datetime) -> int:
    return int(moment.timestamp()) // WINDOW_SECONDS


def code_for(meeting_id: int, window: int) -> str:
    message = f"workshops.check-in:{meeting_id}:{window}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return str(int.from_bytes(digest[:8], "big") % 10**DIGITS).zfill(DIGITS)


def current_code(meeting_id: int, moment: datetime) -> str:
    return code_for(meeting_id, window_of(moment))


def seconds_left(moment: datetime) -> int:
    """Seconds until the code shown at `moment` changes."""
    return WINDOW_SECONDS - int(moment.timestamp()) % WINDOW_SECONDS


def code_is_valid(meeting_id: int, code: str, moment: datetime) -> bool:
    """True for the code of the current window or of the one just before."""
    code = normalise(code)
    window = window_of(moment)
    return any(hmac.compare_digest(code, code_for(meeting_id, w)) for w in (window, window - 1))


def normalise(code: str) -> str:
    """What the learner typed, without spaces or dashes (read aloud as "123 456")."""
    return "".join(ch for ch in str(code) if ch.isdigit())[: DIGITS + 1]
