"""Search that ignores diacritics and script: "zepce" finds "Žepče", "cetvrti" finds "četvrti",
and a Latin query finds Serbian Cyrillic text. Pages index a folded copy of their text and
queries are folded the same way, so it works alike on SQLite and PostgreSQL."""

from collections.abc import Iterable

from django.utils.html import strip_tags

from .text import fold


def search_fold(text: str) -> str:
    """The form both the index and queries use: lower case, Latin script, no diacritics."""
    return fold(text, ignore_diacritics=True, ignore_script=True)


def stream_text(raw) -> str:
    """The words of a StreamField's raw data (rich text without its markup), for indexing."""
    words = []

    def collect(value, key=None):
        if isinstance(value, str):
            if key not in {"type", "id", "level", "url", "image"}:
                words.append(strip_tags(value))
        elif isinstance(value, dict):
            for name, item in value.items():
                collect(item, name)
        elif isinstance(value, Iterable):  # lists, and StreamField's RawDataView
            for item in value:
                collect(item)

    collect(raw)
    return " ".join(" ".join(words).split())
