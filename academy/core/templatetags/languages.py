from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every language (through `switch_language`), no query."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    query = {"next": request.get_full_path() if request else "/"}
    if getattr(page, "pk", None) and hasattr(page, "translation_key"):
        query["page"] = page.pk
    languages = [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": reverse("switch_language", args=[code]) + "?" + urlencode(query),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"languages": languages}
