"""Whole-page cache for anonymous visitors of published Wagtail pages.

It can never show a draft or one person's page to another, because it only ever stores a
response that is:
- a published page served by Wagtail's page route (so never a preview, an admin screen, or one
  of the learner views in courses/quizzes/certificates urls) with status 200,
- to a GET request without a session cookie (so nobody logged in, and no half-filled form),
- without any cookie being set and without a CSRF token in the page (a form needs its own),
- not marked private or no-store,
and only serves it to GET requests without a session cookie. Everything else goes through.

Every publish, unpublish, move, save or delete of any page (and every change of a site, a
page's privacy or the branding) starts a new cache generation: a lesson's title appears in its
module, course and the catalogue, so purging one URL would not be enough. Other edits
(snippets, other settings) show after PAGE_CACHE_SECONDS at the latest.

`tree_cached` keeps what every reader gets from the published tree under the same generation,
for logged-in learners too: page routes (academy.core.routing), course outlines' pages
(courses.course_tree), the branding. They hold no one's data, only what was published.
"""

import functools
import hashlib
import inspect
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar

import django
import wagtail
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache:generation"
# A new generation replaces them at once; the timeout bounds how stale they could get if a
# purge failed (the cache refusing writes while still answering reads).
TREE_CACHE_SECONDS = 10 * 60
WAGTAIL_PAGE_ROUTE = "wagtail_serve"
# The generation as this request read it (see `_generation`); unset outside requests.
_request_generation: ContextVar[dict | None] = ContextVar("page_cache_generation", default=None)


class PageCacheMiddleware:
    """Place right after SecurityMiddleware, outside the session, CSRF and auth middleware, so
    that it sees every cookie they set. Does nothing while PAGE_CACHE_SECONDS is 0."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = _request_generation.set({})
        try:
            return self._respond(request)
        finally:
            _request_generation.reset(memo)

    def _respond(self, request):
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
    """The current generation, read once per request: every page route, outline and setting a
    page reads then comes from the same tree, at one cache round trip."""
    memo = _request_generation.get()
    if memo:
        return memo["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    if memo is not None:
        memo["generation"] = generation
    return generation


def tree_generation() -> str:
    """The published tree's current generation: a key for anything rendered from it, such as a
    cached fragment of a page (a new tree is a new key, so such fragments are never purged).
    Random, and so never found again, while the cache is down."""
    try:
        return _generation()
    except Exception:
        logger.warning("Tree cache unavailable", exc_info=True)
        return uuid.uuid4().hex


class CacheUnavailable(ConnectionError):
    """The cache could not take a write that must not be lost."""


def _page_key(url, *, generation) -> str:
    return f"page-cache:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


@functools.cache
def cache_name(name: str, *shapes: type) -> str:
    """`name` with a digest of what is kept under it: the source of `shapes` (the classes whose
    instances are pickled there) and the Wagtail and Django versions (whose pages and models are
    pickled with them). A release that changes any of them reads and writes under a new name, so
    servers of two releases can run side by side, and nobody has to remember to bump a number."""
    source = "".join(inspect.getsource(shape) for shape in shapes)
    digest = hashlib.sha256(f"{wagtail.__version__}:{django.__version__}:{source}".encode())
    return f"{name}-{digest.hexdigest()[:12]}"


def tree_cached(name: str, keys: Iterable, compute: Callable[[list], dict]) -> dict:
    """Values read off the published page tree, by key, kept until the tree next changes:
    `compute(keys)` gives those not cached yet, all at once (None is not kept: what is not
    found is asked again, and nobody can fill the cache with it). Works uncached when the cache
    is down."""
    keys = list(keys)
    values, keep = tree_lookup(name, keys)
    missing = [key for key in keys if key not in values]
    if missing:
        computed = compute(missing)
        values.update(computed)
        keep(computed)
    return values


def tree_lookup(name: str, keys: Iterable) -> tuple[dict, Callable[[dict], None]]:
    """The values of `keys` kept so far (see `tree_cached`), and a function that keeps more.
    The generation is read here, before the caller reads the tree: a value computed while a
    page is being published is kept under the old generation and never read.
    Values are read from this process's memory first (`_LocalTreeValues`), then the cache."""
    try:
        generation = _generation()
        prefix = f"tree:{generation}:{name}:"
        by_cache_key = {f"{prefix}{key}": key for key in keys}
        found, unknown = _local.lookup(generation, by_cache_key)
        if unknown:
            fetched = cache.get_many(unknown)
            _local.keep(generation, {key: fetched.get(key, _ABSENT) for key in unknown})
            found.update(fetched)
    except Exception:
        logger.warning("Tree cache unavailable", exc_info=True)
        return {}, lambda values: None

    def keep(values: dict) -> None:
        kept = {f"{prefix}{key}": value for key, value in values.items() if value is not None}
        try:
            cache.set_many(kept, TREE_CACHE_SECONDS)
        except Exception:
            logger.warning("Tree cache unavailable", exc_info=True)
            return
        _local.keep(generation, kept)

    return {by_cache_key[key]: value for key, value in found.items()}, keep


class _LocalTreeValues:
    """This process's own copies of tree values, for the current generation only: a value read
    once is then neither fetched nor unpickled again (a course's tree, a route, the branding),
    and a new generation forgets them all. They are shared by the requests this process
    serves, so what reads them must not change them (`academy.core.models.shown_in` marks a
    copy). Kept `LOCAL_SECONDS` at most, so that if a purge was lost they are no staler than
    the cache's; at most `LIMIT` values (then all are dropped: a process serving more keys
    than that reads them from the cache again). What the cache did not have is noted too (a
    route's shorter paths, mostly), so that it is not asked again on every request."""

    LOCAL_SECONDS = 60
    LIMIT = 1000  # a route holds its page: a lesson's is about 40 KB

    def __init__(self):
        self.generation, self.values, self.until = None, {}, 0.0

    def lookup(self, generation: str, cache_keys: Iterable[str]) -> tuple[dict, list[str]]:
        """The values of `cache_keys` known here, and the keys this process knows nothing of."""
        if generation != self.generation or time.monotonic() > self.until:
            return {}, list(cache_keys)
        values, found, unknown = self.values, {}, []
        for key in cache_keys:
            value = values.get(key)
            if value is None:
                unknown.append(key)
            elif value is not _ABSENT:
                found[key] = value
        return found, unknown

    def keep(self, generation: str, values: dict) -> None:
        now = time.monotonic()
        if generation != self.generation or now > self.until or len(self.values) > self.LIMIT:
            # A new dict, not cleared in place: a reader on another thread keeps its own.
            self.generation, self.values = generation, {}
            self.until = now + self.LOCAL_SECONDS
        self.values.update(values)


_ABSENT = object()  # noted by `_LocalTreeValues`: not in the cache when this process asked
_local = _LocalTreeValues()


def page_cache_purge(*, strict=False, **kwargs) -> None:
    """Forget every cached page and tree value (the old entries expire on their own), now and
    again when the transaction commits: a request that read the tree in between would have
    stored what the other transaction had not committed yet under the new generation.
    `strict`: if the cache refuses the new generation, raise (and so refuse the change)."""
    _new_generation(strict=strict)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_generation)


def _new_generation(*, strict=False):
    memo = _request_generation.get()
    if memo:  # what this request reads next comes from the new tree
        memo.clear()
    try:
        # The resilient cache (academy/core/cache.py) says False when it dropped the write.
        kept = cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None) is not False
    except Exception:
        logger.error("Page cache not purged", exc_info=True)
        kept = False
    if not kept:  # if reads still work, pages show the old tree for TREE_CACHE_SECONDS
        logger.error("Page cache not purged: the cache refused the new generation")
        if strict:
            raise CacheUnavailable("The cache refused the new page generation.")


def _purge_on_page_change(sender, instance, **kwargs):
    # Pages created or changed in code (imports, the demo, fixes in a shell) send no
    # publish signal, and a save of a live page is what learners read; a site's host names
    # and root page decide every route; routes remember who may view a page.
    if isinstance(instance, Page | Site | PageViewRestriction):
        page_cache_purge()


def _refuse_privacy_change_unless_purged(sender, instance, **kwargs):
    # Routes remember who may view a page (academy.core.routing). A privacy setting is saved
    # or deleted only once the cache has taken a new generation: if it refuses, the change
    # fails before anything is written (Wagtail's privacy view is not one transaction), rather
    # than wait for the remembered routes to expire. It is purged again once written.
    page_cache_purge(strict=True)


def connect_purge_signals():
    # Publishing and unpublishing save the page (post_save); a move updates the descendants'
    # paths without saving them.
    post_page_move.connect(page_cache_purge, dispatch_uid="page-cache-purge-move")
    post_save.connect(_purge_on_page_change, dispatch_uid="page-cache-purge-save")
    post_delete.connect(_purge_on_page_change, dispatch_uid="page-cache-purge-delete")
    for signal, name in ((pre_save, "save"), (pre_delete, "delete")):
        signal.connect(
            _refuse_privacy_change_unless_purged,
            sender=PageViewRestriction,
            dispatch_uid=f"page-cache-privacy-{name}",
        )
