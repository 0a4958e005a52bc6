"""Every use of Wagtail's and treebeard's private attributes, behind this one door.

Serving a page fast means telling Wagtail what we already know (the site, the route, a page's
parent) where it keeps them for itself, and reading the sites' root paths it works out. These
are private: an upgrade may rename or drop them. Nothing else in the project touches them (a
test greps for it), and tests/core/test_wagtail_compat.py checks that Wagtail still reads each
one where we write it, so an upgrade that changes one fails there first, by name.
"""

from wagtail.models import Page, Site

# Treebeard's `get_parent()` and Wagtail's URL building use it instead of a query.
_PARENT = "_cached_parent_obj"
# `Site.find_for_request` keeps the request's site here.
_SITE = "_wagtail_site"
# `Page.route_for_request` keeps the request's route here (None: no page).
_ROUTE = "_wagtail_route_for_request"


def set_parent(page: Page, parent: Page | None) -> None:
    """Tell `page` its parent, so that `get_parent()` asks no query."""
    setattr(page, _PARENT, parent)


def known_parent(page: Page) -> Page | None:
    """The parent `page` was told (routing tells each page it passes through), or None."""
    return getattr(page, _PARENT, None)


def set_request_site(request, site: Site) -> None:
    setattr(request, _SITE, site)


def request_site(request) -> Site | None:
    """The site Wagtail found for the request (None: not looked up yet)."""
    return getattr(request, _SITE, None)


def set_request_route(request, route) -> None:
    """The route `Page.route_for_request` then returns without routing again."""
    setattr(request, _ROUTE, route)


def request_is_routed(request) -> bool:
    return _ROUTE in request.__dict__


def relevant_site_root_paths(page: Page, cache_object=None) -> list:
    """The root paths of the sites `page` is in (`Page._get_relevant_site_root_paths`)."""
    return page._get_relevant_site_root_paths(cache_object)


def site_root_paths(page: Page, cache_object=None) -> list:
    """The root paths of every site (`Page._get_site_root_paths`)."""
    return page._get_site_root_paths(cache_object)
