"""The language switcher's target: plain links (no form, so no CSRF token in cached pages)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from wagtail.models import Page

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_GET
def switch_language(request, language):
    """Go to the same page in `language` and remember the choice: on the profile of a signed-in
    learner (emails and certificates use it) and in the language cookie (for unprefixed URLs).

    `next` is the page the learner was on; `page` (a Wagtail page id) finds its translation,
    whose slugs may differ. Without a translation, the same path under the new prefix shows the
    best fallback (see academy.core.models.BasePage.route)."""
    if language not in LANGUAGE_CODES:
        raise Http404
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(_translated(next_url, request.GET.get("page"), language))
    # A GET that writes, on purpose (links, cacheable pages). The session cookie is SameSite=Lax,
    # so another site's image or script cannot do it; a link followed from another site can,
    # and the learner sees the language change at once and can switch back.
    if request.user.is_authenticated and request.user.preferred_language != language:
        get_user_model().objects.filter(pk=request.user.pk).update(preferred_language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


def _translated(next_url: str, page_id: str | None, language: str) -> str:
    """`next_url` in `language`: the page's translation (keeping a sub-path such as a quiz
    attempt), else the same path under the language's prefix."""
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
