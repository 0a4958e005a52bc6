from functools import cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.text import capfirst

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every language (through `switch_language`), no query."""
    request = context.get("request")
    page = context.get("page")
    query = {"next": request.get_full_path() if request else "/"}
    if getattr(page, "pk", None) and hasattr(page, "translation_key"):
        query["page"] = page.pk
    return {
        "languages": _languages(get_script_prefix()),
        "current": translation.get_language(),
        "query": urlencode(query),
    }


@cache
def _languages(script_prefix) -> list[tuple[str, str, str]]:
    """Each language's code, name in itself and switching URL (outside the language prefixes,
    so the same in every language; kept by the script prefix the URLs start with). Names start
    with a capital, as items of a menu do ("Bosanski" beside "Hrvatski", not "bosanski")."""
    return [
        (
            code,
            capfirst(translation.get_language_info(code)["name_local"]),
            reverse("switch_language", args=[code]),
        )
        for code, _name in settings.LANGUAGES
    ]
