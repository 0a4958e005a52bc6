"""Wagtail's page view, with the route of each published page remembered until the page tree
next changes (`page_cache.tree_cached`): serving a page then costs one query for the page
instead of finding the site and walking the tree level by level (seven queries for a lesson).

Only plain page routes are remembered: a page found by the normal route with no sub-path
arguments (a quiz's attempt and result views are routed each time), never a 404, under the
host name and port Wagtail matches sites on (so no spelling of the Host header adds a key).
What the route leads to is then served as usual, from the database: the page must be live,
and its view restrictions, the enrollment gate and drafts are checked on every request."""

from dataclasses import dataclass

from django.http.request import split_domain_port
from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .page_cache import tree_cached

ROUTES = "route-2"  # a new name when _Remembered changes: servers of both versions run at once


def serve(request, path):
    hostname, _port = split_domain_port(request.get_host())  # lower case, no trailing dot
    key = f"{request.scheme}://{hostname}:{request.get_port()}/{request.LANGUAGE_CODE}/{path}"
    remembered = tree_cached(ROUTES, [key], lambda _keys: {key: _route_to_remember(request, path)})
    if "_wagtail_route_for_request" not in request.__dict__ and remembered[key] is not None:
        _follow(request, remembered[key])
    return wagtail_views.serve(request, path)


def _route_to_remember(request, path):
    route = Page.route_for_request(request, path)
    if route is None or route.args or route.kwargs:
        return None
    page = route.page
    return _Remembered(
        site=request._wagtail_site,
        model=type(page),
        pk=page.pk,
        shown_in=getattr(page, "_shown_in", None),
        # The ancestors the route went through (their own fields not loaded), so that the
        # page knows its course without a query.
        parent=getattr(page, "_cached_parent_obj", None),
    )


@dataclass
class _Remembered:
    site: Site
    model: type
    pk: int
    shown_in: tuple | None
    parent: Page | None


def _follow(request, remembered: _Remembered):
    page = remembered.model.objects.filter(pk=remembered.pk, live=True).first()
    if page is None:  # unpublished since (the next tree change forgets the route)
        return
    page._shown_in = remembered.shown_in
    if remembered.parent is not None:
        page._cached_parent_obj = remembered.parent
    request._wagtail_site = remembered.site
    request._wagtail_route_for_request = RouteResult(page)


# Wagtail's URLs, its page view replaced by `serve` (same name and pattern).
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
