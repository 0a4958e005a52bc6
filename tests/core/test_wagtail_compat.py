"""The private Wagtail and treebeard attributes we rely on for speed, each checked to still do
what we use it for: a Wagtail upgrade that changes one fails here, by name. And nothing outside
academy/core/wagtail_compat.py touches them."""

import re
from pathlib import Path

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from academy.core import wagtail_compat
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent.parent
PRIVATE = re.compile(
    r"_cached_parent_obj|_wagtail_site|_wagtail_route_for_request|"
    r"_get_relevant_site_root_paths|_get_site_root_paths"
)


def test_no_code_of_ours_but_the_compatibility_module_uses_wagtails_private_attributes():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("academy", "courses", "quizzes", "certificates")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "wagtail_compat.py" and PRIVATE.search(path.read_text(encoding="utf-8"))
    ]

    assert offenders == []


def test_a_page_told_its_parent_finds_it_without_a_query(course, django_assert_num_queries):
    lesson = Page.objects.get(pk=lessons_of(course)[0].pk)
    module = lesson.get_parent()
    lesson = Page.objects.get(pk=lesson.pk)
    wagtail_compat.set_parent(lesson, module)

    with django_assert_num_queries(0):
        assert lesson.get_parent() is module
    assert wagtail_compat.known_parent(lesson) is module


def test_a_request_told_its_site_finds_it_without_a_query(django_assert_num_queries):
    request = RequestFactory().get("/en/")
    site = Site.objects.get(is_default_site=True)
    wagtail_compat.set_request_site(request, site)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
    assert wagtail_compat.request_site(request) is site


def test_a_request_told_its_route_is_not_routed_again(course, django_assert_num_queries):
    request = RequestFactory().get("/en/anything/")
    route = object()
    assert not wagtail_compat.request_is_routed(request)
    wagtail_compat.set_request_route(request, route)

    with django_assert_num_queries(0):
        assert Page.route_for_request(request, "/anything/") is route
    assert wagtail_compat.request_is_routed(request)


def test_the_site_root_paths_name_each_site_first(course):
    site = Site.objects.get(is_default_site=True)
    lesson = lessons_of(course)[0]

    relevant = wagtail_compat.relevant_site_root_paths(lesson)
    every = wagtail_compat.site_root_paths(lesson)

    assert [paths[0] for paths in relevant] == [site.pk]
    assert site.pk in [paths[0] for paths in every]
    assert all(lesson.url_path.startswith(paths[1]) for paths in relevant)
