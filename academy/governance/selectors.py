"""Reading the principles: each once, as written, named in the reader's or editor's language."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.utils import translation

from .models import Principle

logger = logging.getLogger(__name__)
# Bounds how stale the names could get if forgetting them failed (the cache refusing a write, or
# a request that read the old names storing them after the edit committed).
NAMES_CACHE_SECONDS = 10 * 60


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


def principle_names() -> dict[int, str]:
    """{number: name} of each principle, named as `principles_as_shown` names it in the active
    language. Kept in the cache per language until a principle is saved or deleted
    (`principle_names_forget`): usually no query, else one. Works uncached when the cache is
    down."""
    key = _names_key(translation.get_language() or settings.LANGUAGE_CODE)
    try:
        names = cache.get(key)
    except Exception:  # the cache is down: read the database
        logger.warning("Principle names cache unavailable", exc_info=True)
        names = None
    if names is None:
        names = {original.number: shown.name for original, shown in principles_as_shown()}
        try:
            cache.set(key, names, NAMES_CACHE_SECONDS)
        except Exception:
            logger.warning("Principle names cache unavailable", exc_info=True)
    return names


def principle_names_forget(**kwargs) -> None:
    """Forget the cached names in every language, now and again when the transaction commits
    (a request that read the old names meanwhile would have kept them). A receiver of
    Principle's post_save and post_delete."""
    _forget_names()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_forget_names)


def _forget_names():
    try:
        cache.delete_many([_names_key(code) for code, _name in settings.LANGUAGES])
    except Exception:  # they expire after NAMES_CACHE_SECONDS
        logger.error("Principle names not forgotten", exc_info=True)


def _names_key(language: str) -> str:
    return f"governance:principle-names:{language}"
