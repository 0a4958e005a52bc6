from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def clock(seconds):
    """1234 -> "20:34"; the time left in a timed quiz."""
    seconds = max(0, int(seconds or 0))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _choice_texts(snapshot, ids):
    return ", ".join(c["text"] for c in snapshot["choices"] if c["id"] in ids)


@register.simple_tag
def answer_text(snapshot, response):
    """A learner's answer in words, as it was asked."""
    kind = snapshot["kind"]
    if kind == "single":
        return _choice_texts(snapshot, {response})
    if kind == "multiple":
        return _choice_texts(snapshot, set(response))
    if kind == "true_false":
        return _("True") if response == "true" else _("False")
    if kind == "matching":
        rights = {p["right_id"]: p["right"] for p in snapshot["pairs"]}
        return "; ".join(
            f"{p['left']} → {rights.get(response.get(p['id']), '—')}" for p in snapshot["pairs"]
        )
    return str(response)


@register.simple_tag
def correct_answer_text(snapshot):
    """The correct answer in words (only rendered when the review policy allows)."""
    kind = snapshot["kind"]
    if kind in ("single", "multiple"):
        return ", ".join(c["text"] for c in snapshot["choices"] if c["correct"])
    if kind == "true_false":
        return _("True") if snapshot["answer"] == "true" else _("False")
    if kind == "short":
        return " / ".join(snapshot["accepted"])
    if kind == "numeric":
        tolerance = snapshot["tolerance"]
        return snapshot["value"] + (f" ± {tolerance}" if tolerance not in ("0", "0.00") else "")
    if kind == "matching":
        return "; ".join(f"{p['left']} → {p['right']}" for p in snapshot["pairs"])
    return ""
