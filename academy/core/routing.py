"""Wagtail's page view, with the route of each published page remembered until the page tree
next changes (`page_cache.tree_cached`): serving a page then costs no query for the page
instead of finding the site and walking the tree level by level (seven queries for a lesson).

A page is remembered under its own path (a quiz, whose attempt and result views follow its
path, then routes only what follows), never a 404, under the host name and port Wagtail matches
sites on (so no spelling of the Host header adds a key).
The route holds the page as published: every save, publish, unpublish, move or delete of a page
starts a new generation (page_cache), as it does for the anonymous pages and the course
outlines kept under it, so a page served from its route is never older than what they show.
Each request serves its own copy. The enrollment gate is checked on every request, and so are
the page's view restrictions, against those remembered with the route (any change of a
restriction starts a new generation, and is refused if the cache cannot take it), so that
serving asks no query for them; a restriction to groups still reads its groups when checked."""

import copy
from dataclasses import dataclass

from django.http import Http404
from django.http.request import split_domain_port
from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .models import remember_url
from .page_cache import cache_name, tree_lookup
from .wagtail_compat import (
    known_parent,
    request_is_routed,
    request_site,
    set_parent,
    set_request_route,
    set_request_site,
)


def serve(request, path):
    hostname, _port = split_domain_port(request.get_host())  # lower case, no trailing dot
    base = f"{request.scheme}://{hostname}:{request.get_port()}/{request.LANGUAGE_CODE}/"
    slugs = [slug for slug in path.split("/") if slug]
    # The path and each shorter one, longest first: a page with routes of its own (a quiz's
    # attempts) is remembered under its own path, whatever follows it.
    lengths = range(len(slugs), -1, -1)
    keys = {length: base + "".join(f"{slug}/" for slug in slugs[:length]) for length in lengths}
    found, keep = tree_lookup(ROUTES, keys.values())
    for length, key in keys.items():
        remembered = found.get(key)
        if remembered is not None and (remembered.routable or length == len(slugs)):
            _follow(request, remembered, slugs[length:])
            break
    if not request_is_routed(request):
        length, remembered = _route_to_remember(request, path)
        if remembered is not None and length in keys:  # (a tree it cannot place: not kept)
            keep({keys[length]: remembered})
    return wagtail_views.serve(request, path)


@dataclass
class _Remembered:
    site: Site
    page: Page  # specific, as routed: in the language of the path, or its fallback (`shown_in`)
    parent: Page | None
    routable: bool  # the page routes what follows its path (RoutablePageMixin)
    view_restrictions: tuple  # of the page and its ancestors (Page.get_view_restrictions)


ROUTES = cache_name("route", _Remembered)


def _route_to_remember(request, path) -> tuple[int, _Remembered | None]:
    """Route as Wagtail does; what to remember of it, and under how many of the path's slugs."""
    route = Page.route_for_request(request, path)
    if route is None:
        return 0, None
    page = route.page
    routable = isinstance(page, RoutablePageMixin)
    if (route.args or route.kwargs) and not routable:
        return 0, None
    parent = known_parent(page)
    ancestor = parent
    while ancestor is not None:  # their links (breadcrumbs) then need no site lookup
        remember_url(ancestor, request)
        ancestor = known_parent(ancestor)
    site = request_site(request)
    remembered = _Remembered(
        site=site,
        page=copy.copy(page),  # not the one this request goes on to serve (and change)
        # The ancestors the route went through (their own fields not loaded), so that the
        # page knows its course without a query.
        parent=parent,
        routable=routable,
        view_restrictions=tuple(page.get_view_restrictions().defer("password")),
    )
    # One slug per level below the site's root page (a translation's root is at its depth).
    return page.depth - site.root_page.depth, remembered


def _follow(request, remembered: _Remembered, rest: list[str]):
    # This request's own copy: serving may note things on it (its original's id, say), and
    # the remembered route is shared by the requests this process serves.
    page = copy.copy(remembered.page)
    page._view_restrictions = remembered.view_restrictions
    if remembered.parent is not None:
        set_parent(page, remembered.parent)
    set_request_site(request, remembered.site)
    if not remembered.routable:
        set_request_route(request, RouteResult(page))
        return
    try:
        set_request_route(request, page.route(request, rest))
    except Http404:
        set_request_route(request, None)


# Wagtail's URLs, its page view replaced by `serve` (same name and pattern).
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
