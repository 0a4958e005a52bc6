"""The anonymous page cache (academy.core.page_cache): anonymous visitors of published pages
get a stored copy, a publish shows the new text at once, and nothing personal or unpublished is
ever stored or served."""

import pytest
from django.core.cache import cache
from django.test import Client

from courses.services import enrollment_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM_WITH_TOKEN = '<form method="post" action="/i18n/setlang/">{% csrf_token %}</form>'


def on_every_page(settings, tmp_path, template):
    """Put `template` in place of includes/translation_notice.html, which every page includes
    (e.g. a form with a CSRF token, which makes a page uncacheable)."""
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "translation_notice.html").write_text(template)
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def visit(url, *, as_user=None):
    client = Client()
    if as_user is not None:
        client.force_login(as_user)
    return client.get(url)


def test_anonymous_page_is_served_from_the_cache(page_cache, course):
    first = visit(course.url)
    second = visit(course.url)

    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not second.cookies


def test_publishing_shows_the_new_text_at_once(page_cache, course):
    visit(course.url)
    course.title = "Open Municipal Budgets"
    course.save_revision().publish()

    response = visit(course.url)

    assert response["X-Page-Cache"] == "miss"
    assert "Open Municipal Budgets" in response.content.decode()


def test_a_publish_anywhere_purges_pages_that_show_it(page_cache, course):
    catalogue = course.get_parent()
    assert course.title in visit(catalogue.url).content.decode()
    course.title = "Renamed Course"
    course.save_revision().publish()

    assert "Renamed Course" in visit(catalogue.url).content.decode()


def test_a_draft_is_never_shown(page_cache, course):
    visit(course.url)
    course.title = "Draft Title Not Yet Approved"
    course.save_revision()  # saved, not published

    for response in (visit(course.url), visit(course.url)):
        assert response.status_code == 200
        assert "Draft Title Not Yet Approved" not in response.content.decode()


def test_unpublished_and_deleted_pages_are_gone_at_once(page_cache, course):
    module = course.get_children().first()
    assert visit(module.url).status_code == 200
    assert visit(course.url).status_code == 200

    module.specific.unpublish()
    assert visit(module.url).status_code == 404

    url = course.url
    course.delete()
    assert visit(url).status_code == 404


def test_moving_a_page_purges_the_cache(page_cache, course):
    modules = list(course.get_children().specific())
    lesson = modules[0].get_children().first()
    old_url = lesson.url
    visit(modules[1].url)

    lesson.move(modules[1], pos="last-child")

    assert lesson.title in visit(modules[1].url).content.decode()
    assert old_url not in visit(modules[1].url).content.decode()


def test_a_learners_page_is_never_served_to_anyone_else(page_cache, course, learner, other_learner):
    enrollment_create(learner=learner, course=course)

    own = visit(course.url, as_user=learner)
    anonymous = visit(course.url)
    other = visit(course.url, as_user=other_learner)

    assert "Course progress" in own.content.decode()
    assert "X-Page-Cache" not in own  # never stored, never served from the cache
    assert "X-Page-Cache" not in other
    assert anonymous["X-Page-Cache"] == "miss"  # the learner's copy was not stored
    for response in (anonymous, other):
        body = response.content.decode()
        assert "Course progress" not in body
        assert "Start the course" not in body
    assert "Log out" not in anonymous.content.decode()


def test_logged_in_visitors_never_get_the_anonymous_copy(page_cache, course, learner):
    visit(course.url)
    assert visit(course.url)["X-Page-Cache"] == "hit"

    response = visit(course.url, as_user=learner)

    assert "X-Page-Cache" not in response
    assert "Log out" in response.content.decode()


def test_lesson_bodies_for_learners_are_never_cached(page_cache, course):
    learner = UserFactory()
    enrollment_create(learner=learner, course=course)
    lesson = course.get_children().first().get_children().first()

    assert visit(lesson.url, as_user=learner).status_code == 200
    anonymous = visit(lesson.url)

    assert anonymous.status_code == 302  # to the login page, never the learner's lesson
    assert "Publish the draft budget" not in anonymous.content.decode()


def test_a_page_that_carries_a_csrf_token_is_not_cached(page_cache, settings, tmp_path, course):
    on_every_page(settings, tmp_path, FORM_WITH_TOKEN)

    first, second = visit(course.url), visit(course.url)

    assert "csrftoken" in first.cookies
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert first.context is not None and second.context is not None  # both rendered afresh


def test_requests_other_than_get_are_never_cached(page_cache, course):
    visit(course.url)
    response = Client().head(course.url)

    assert "X-Page-Cache" not in response


def test_the_cache_is_off_unless_configured(settings, course):
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()

    assert "X-Page-Cache" not in visit(course.url)
    assert "X-Page-Cache" not in visit(course.url)
