"""Where to send a reader next: only to this site, and to the page in their language."""

from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page


def local_url(request, url: str) -> str:
    """`url` if it is on this site, else the home page: "next" can be set by anyone."""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return "/"


def translated_url(next_url: str, page_id: str | None, language: str) -> str:
    """`next_url` in `language`: the translation of page `page_id` (a Wagtail page id, since
    translated slugs differ) keeping a sub-path such as a quiz attempt, else the same path under
    the language's prefix (which shows the best fallback, see BasePage.route)."""
    page = Page.objects.filter(pk=page_id).first() if (page_id or "").isdigit() else None
    if page is not None:
        translated_page = (
            page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=language)
            .first()
        )
        page_url = page.get_url()
        if translated_page is not None and page_url and next_url.startswith(page_url):
            target = translated_page.get_url()
            if target:
                return target + next_url[len(page_url) :]
    # translate_url resolves the path, which only matches under its own language prefix.
    with translation.override(translation.get_language_from_path(next_url)):
        return translate_url(next_url, language)
