"""Which content language to show: the learner's, else the configured fallbacks.

A page that is not translated into the active language is shown in the first fallback language
that has it (settings.CONTENT_FALLBACK_LANGUAGES, Bosnian then English by default), with a
notice, and the interface stays in the language the learner chose: never a 404."""

from django.conf import settings
from django.utils import translation


def content_languages() -> list[str]:
    """Content language codes, best first: the active language, then the fallbacks."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    return list(dict.fromkeys([active, *settings.CONTENT_FALLBACK_LANGUAGES]))


def language_name(code: str) -> str:
    """The language's name in the active language ("Bosnian", "bosanski")."""
    return translation.get_language_info(code)["name_translated"]
