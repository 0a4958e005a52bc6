from functools import cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """Links to the current page in every language (through `switch_language`), no query.

    Written here rather than as an included template: it is on every page, and a template loop
    cost as much as a lesson's body."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    query = {"next": request.get_full_path() if request else "/"}
    if getattr(page, "pk", None) and hasattr(page, "translation_key"):
        query["page"] = page.pk
    query = escape(urlencode(query))
    is_current = ' aria-current="true"'
    items = "".join(
        f'\n    <li><a href="{url}?{query}" lang="{code}" hreflang="{code}"'
        f"{is_current if code == current else ''}>{name}</a></li>"
        for code, name, url in _languages(get_script_prefix())
    )
    label = escape(translation.gettext("Language"))
    return mark_safe(  # every value above is escaped
        f'<nav class="language-switcher" aria-label="{label}">\n  <ul>{items}\n  </ul>\n</nav>'
    )


@cache
def _languages(script_prefix) -> list[tuple[str, str, str]]:
    """Each language's code, name in itself (escaped) and switching URL (outside the language
    prefixes, so the same in every language; kept by the script prefix the URLs start with)."""
    return [
        (
            code,
            escape(translation.get_language_info(code)["name_local"]),
            reverse("switch_language", args=[code]),
        )
        for code, _name in settings.LANGUAGES
    ]
