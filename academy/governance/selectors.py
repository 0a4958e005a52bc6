"""Reading the principles: each once, as written, named in the reader's or editor's language."""

from django.conf import settings
from django.db.models import F, Q
from django.utils import translation

from .models import Principle


def _languages() -> list[str]:
    # As `academy.core.languages.content_languages`, which this app may not import.
    active = translation.get_language() or settings.LANGUAGE_CODE
    return list(dict.fromkeys([active, *settings.CONTENT_FALLBACK_LANGUAGES]))


def principles_as_shown() -> list[tuple[Principle, Principle]]:
    """Each principle once, by number, as (its original, the version to name it by): the one in
    the active language, else in the first of settings.CONTENT_FALLBACK_LANGUAGES that has it,
    else the original itself. One query."""
    languages = _languages()
    rows = (
        Principle.objects.with_original_pk()
        .filter(Q(pk=F("original_pk")) | Q(locale__language_code__in=languages))
        .select_related("locale")
    )
    originals, versions = [], {}
    for row in rows:
        if row.pk == row.original_pk:
            originals.append(row)
        versions.setdefault(row.original_pk, {})[row.locale.language_code] = row
    shown = []
    for original in sorted(originals, key=lambda p: (p.number, p.pk)):
        by_language = versions[original.pk]
        name_by = next((by_language[code] for code in languages if code in by_language), original)
        shown.append((original, name_by))
    return shown


def original_pks(pks) -> dict[int, int]:
    """{id: its original's id} for the principles among `pks` (an original maps to itself;
    an id of no principle is left out). One query."""
    return dict(
        Principle.objects.with_original_pk().filter(pk__in=pks).values_list("pk", "original_pk")
    )
