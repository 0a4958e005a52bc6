"""Pure grading: a question snapshot plus a learner's response gives a grade. No ORM here.

A snapshot is the question frozen when the attempt started (see `snapshots.py`); a response is
the cleaned answer (`clean_response`), or None when the learner left the question blank.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from academy.core.text import fold

MAX_TEXT = {"short": 500, "open": 20000}


class InvalidAnswer(ValueError):
    """A response that cannot belong to the question: forged ids, malformed values."""


@dataclass(frozen=True)
class Grade:
    score: Decimal
    max_score: Decimal
    is_correct: bool | None  # None: waiting for a trainer
    pending: bool = False


def _points(snapshot) -> Decimal:
    return Decimal(str(snapshot["points"]))


def parse_decimal(raw: str) -> Decimal:
    """Numbers as people type them here: "3,5" and "3.5" are the same; spaces are ignored."""
    text = str(raw).strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidAnswer(_("Enter a number, for example 12 or 3,5.")) from None
    if not value.is_finite():
        raise InvalidAnswer(_("Enter a number, for example 12 or 3,5."))
    return value


def is_blank(raw) -> bool:
    """Whether a submitted answer leaves its question unanswered: nothing, spaces only, or a
    matching question with no item matched."""
    if raw in (None, "", [], {}):
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, dict):
        return not any(raw.values())
    return False


def clean_response(snapshot: dict, raw):
    """Check a submitted answer against its question; return its stored form or None if blank."""
    kind = snapshot["kind"]
    if is_blank(raw):
        return None
    if kind == "single":
        if not isinstance(raw, str) or raw not in {choice["id"] for choice in snapshot["choices"]}:
            raise InvalidAnswer(_("That choice does not belong to this question."))
        return raw
    if kind == "multiple":
        ids = {choice["id"] for choice in snapshot["choices"]}
        if not isinstance(raw, list) or not all(isinstance(i, str) and i in ids for i in raw):
            raise InvalidAnswer(_("That choice does not belong to this question."))
        return sorted(set(raw))
    if kind == "true_false":
        if raw not in ("true", "false"):
            raise InvalidAnswer(_("Answer true or false."))
        return raw
    if kind in ("short", "open"):
        if not isinstance(raw, str):
            raise InvalidAnswer(_("Enter your answer as text."))
        if "\x00" in raw:  # no keyboard types it, and PostgreSQL cannot store it
            raise InvalidAnswer(_("Your answer contains a character that cannot be saved."))
        if len(raw) > MAX_TEXT[kind]:
            raise InvalidAnswer(
                _("Your answer is too long (at most %(limit)d characters).")
                % {"limit": MAX_TEXT[kind]}
            )
        return raw.strip() or None
    if kind == "numeric":
        return str(parse_decimal(raw))
    if kind == "matching":
        lefts = {pair["id"] for pair in snapshot["pairs"]}
        if not isinstance(raw, dict) or not set(raw) <= lefts:
            raise InvalidAnswer(_("That item does not belong to this question."))
        chosen = {left: right for left, right in raw.items() if right}
        # Right-hand options carry their own random ids, so ids give nothing away.
        right_ids = {pair["right_id"] for pair in snapshot["pairs"]}
        if not all(isinstance(right, str) and right in right_ids for right in chosen.values()):
            raise InvalidAnswer(_("That answer does not belong to this question."))
        return chosen or None
    raise InvalidAnswer(_("Unknown question type."))


def grade(snapshot: dict, response) -> Grade:
    """Grade one cleaned response against its snapshot."""
    points = _points(snapshot)
    kind = snapshot["kind"]
    if kind == "open":
        pending = response is not None
        return Grade(Decimal(0), points, None if pending else False, pending=pending)
    fraction = _fraction_correct(snapshot, response) if response is not None else Decimal(0)
    score = (points * fraction).quantize(Decimal("0.01"))
    return Grade(score, points, fraction == 1)


def _fraction_correct(snapshot, response) -> Decimal:
    kind = snapshot["kind"]
    if kind == "single":
        correct = {c["id"] for c in snapshot["choices"] if c["correct"]}
        return Decimal(1 if response in correct else 0)
    if kind == "multiple":
        return _multiple_fraction(snapshot, set(response))
    if kind == "true_false":
        return Decimal(1 if response == snapshot["answer"] else 0)
    if kind == "short":
        options = {
            "ignore_diacritics": snapshot["ignore_diacritics"],
            "ignore_script": snapshot["ignore_script"],
        }
        accepted = {fold(text, **options) for text in snapshot["accepted"]}
        return Decimal(1 if fold(response, **options) in accepted else 0)
    if kind == "numeric":
        distance = abs(Decimal(response) - Decimal(snapshot["value"]))
        return Decimal(1 if distance <= Decimal(snapshot["tolerance"]) else 0)
    if kind == "matching":
        pairs = snapshot["pairs"]
        right = sum(1 for pair in pairs if response.get(pair["id"]) == pair["right_id"])
        return Decimal(right) / Decimal(len(pairs))
    raise ValueError(kind)


def _multiple_fraction(snapshot, chosen: set) -> Decimal:
    correct = {c["id"] for c in snapshot["choices"] if c["correct"]}
    everything = {c["id"] for c in snapshot["choices"]}
    if not snapshot["partial_credit"]:
        return Decimal(1 if chosen == correct else 0)
    if chosen == everything and correct != everything:
        return Decimal(0)  # ticking every box is guessing, not knowing
    right = len(chosen & correct)
    wrong = len(chosen - correct)
    return max(Decimal(0), Decimal(right - wrong) / Decimal(len(correct) or 1))


def feedback_for(snapshot: dict, response) -> list[str]:
    """The per-choice feedback the learner's answer earned (shown only when review allows)."""
    kind = snapshot["kind"]
    if response is None:
        return []
    if kind in ("single", "multiple"):
        chosen = {response} if kind == "single" else set(response)
        return [c["feedback"] for c in snapshot["choices"] if c["id"] in chosen and c["feedback"]]
    if kind == "true_false":
        text = snapshot["feedback_true"] if response == "true" else snapshot["feedback_false"]
        return [text] if text else []
    return []
