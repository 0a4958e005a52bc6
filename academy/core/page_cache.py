"""Whole-page cache for anonymous visitors of published Wagtail pages.

It can never show a draft or one person's page to another, because it only ever stores a
response that is:
- a published page served by Wagtail's page route (so never a preview, an admin screen, or one
  of the learner views in courses/quizzes/certificates urls) with status 200,
- to a GET request without a session cookie (so nobody logged in, and no half-filled form),
- without any cookie being set and without a CSRF token in the page (a form needs its own),
- not marked private or no-store,
and only serves it to GET requests without a session cookie. Everything else goes through.

Every publish, unpublish, move or delete of any page starts a new cache generation: a lesson's
title appears in its module, course and the catalogue, so purging one URL would not be enough.
Other edits (snippets, settings) show after PAGE_CACHE_SECONDS at the latest.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache:generation"
WAGTAIL_PAGE_ROUTE = "wagtail_serve"


class PageCacheMiddleware:
    """Place right after SecurityMiddleware, outside the session, CSRF and auth middleware, so
    that it sees every cookie they set. Does nothing while PAGE_CACHE_SECONDS is 0."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if (
            not seconds
            or request.method != "GET"
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)
        url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        try:
            # Read the generation once, before rendering: a page rendered while a publish
            # happens is stored under the old generation and never served.
            key = _page_key(url, generation=_generation())
            response = cache.get(key)
        except Exception:  # the cache is down: serve uncached (and let /health/ say so)
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable(request, response):
            cache.set(key, response, seconds)
            response["X-Page-Cache"] = "miss"
        return response


def _cacheable(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and match is not None
        and match.url_name == WAGTAIL_PAGE_ROUTE
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and not response.cookies
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META  # the page carries a CSRF token
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _page_key(url, *, generation) -> str:
    return f"page-cache:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


def page_cache_purge(**kwargs) -> None:
    """Forget every cached page (the old entries expire on their own)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _purge_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache_purge()


def connect_purge_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_cache_purge, dispatch_uid=f"page-cache-purge-{id(signal)}")
    post_delete.connect(_purge_on_page_delete, dispatch_uid="page-cache-purge-delete")
