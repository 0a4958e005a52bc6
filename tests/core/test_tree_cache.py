"""What every learner reads off the published page tree is remembered until the tree changes
(academy.core.page_cache.tree_cached): a page's route (academy.core.routing) and who may view it,
the course outline's pages and lessons' principles, the branding. Each change shows at once,
and nothing is served that would not be served without the cache."""

import re
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.http import urlencode
from wagtail.models import Page, PageViewRestriction, Site

from academy.accounts.roles import LEARNERS, TRAINERS
from academy.accounts.selectors import ADMIN_ACCESS_SECONDS
from academy.core.page_cache import (
    GENERATION_KEY,
    PageCacheMiddleware,
    _generation,
    _LocalTreeValues,
    page_cache_purge,
    tree_cached,
)
from academy.governance.models import Principle
from academy.home.models import BrandingSettings
from courses.models import LessonPage
from courses.outline import course_outline_for
from courses.services import enrollment_create
from tests.factories import add_module, lessons_of, make_trainer, single_choice
from tests.quizzes.conftest import attempt_url, quiz_in_new_course, start_by_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(learner, course):
    enrollment_create(learner=learner, course=course)
    return course


def cache_keys() -> list[str]:
    return list(cache._cache)  # the tests' local-memory cache


def queries_of(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


def test_a_lesson_read_again_is_served_without_a_query_for_its_site_route_or_page(
    learner_client, enrolled
):
    lesson = lessons_of(enrolled)[0]
    learner_client.get(lesson.url)

    queries = queries_of(learner_client, lesson.url)

    assert not [sql for sql in queries if "wagtailcore_site" in sql]
    # The lesson as published is kept with its route until the tree next changes.
    assert not [sql for sql in queries if sql.startswith('SELECT "wagtailcore_page"')]
    # Who may view it is kept with its route, and checked on every request.
    assert not [sql for sql in queries if "wagtailcore_pageviewrestriction" in sql]


def test_a_host_name_spelled_differently_is_remembered_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    for host in ("testserver", "TESTSERVER", "testserver.", "TestServer."):
        assert learner_client.get(lesson.url, HTTP_HOST=host).status_code == 200

    assert len([key for key in cache_keys() if ":route-" in key]) == 1


def test_an_unpublished_lesson_is_gone_at_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    assert learner_client.get(lesson.url).status_code == 200

    lesson.unpublish()

    assert learner_client.get(lesson.url).status_code == 404


def test_a_moved_lesson_is_served_at_its_new_address_and_the_old_one_leads_there(
    learner_client, enrolled
):
    lesson = lessons_of(enrolled)[0]
    old_url = lesson.url
    assert learner_client.get(old_url).status_code == 200
    other_module = add_module(enrolled, title="Module 3")

    lesson.move(other_module, pos="last-child")
    lesson.refresh_from_db()

    assert learner_client.get(old_url)["Location"] == lesson.url  # Wagtail's redirect
    assert learner_client.get(lesson.url).status_code == 200


def test_a_privacy_setting_added_after_a_visit_applies_at_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    assert learner_client.get(lesson.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=enrolled, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=TRAINERS)])
    refused = learner_client.get(lesson.url)
    restriction.delete()
    allowed = learner_client.get(lesson.url)

    assert refused.status_code == 302 and "/login/" in refused["Location"]
    assert allowed.status_code == 200


def test_a_privacy_setting_given_to_other_groups_applies_at_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    restriction = PageViewRestriction.objects.create(
        page=enrolled, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=TRAINERS)])
    assert learner_client.get(lesson.url).status_code == 302  # the route is remembered

    # Changing the groups saves no restriction (no new generation): they are read at each check.
    restriction.groups.set([Group.objects.get(name=LEARNERS)])

    assert learner_client.get(lesson.url).status_code == 200


def test_a_renamed_principle_shows_on_its_lessons_at_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    principle = Principle.objects.get(number=6)
    lesson.principles.set([principle])
    lesson.save_revision().publish()
    assert "Openness and Transparency" in learner_client.get(lesson.url).content.decode()

    principle.name = "Openness"
    principle.save()

    page = learner_client.get(lesson.url).content.decode()
    assert "Openness and Transparency" not in page and ">6</span> Openness<" in page


def test_a_lesson_added_in_code_shows_in_the_outline_at_once(learner_client, enrolled):
    module = enrolled.get_children().first()
    assert "Reading the budget" not in learner_client.get(enrolled.url).content.decode()

    module.add_child(instance=LessonPage(title="Reading the budget", slug="reading-the-budget"))

    assert "Reading the budget" in learner_client.get(enrolled.url).content.decode()


def test_a_renamed_lesson_shows_in_the_outline_of_the_others_at_once(learner_client, enrolled):
    first, second = lessons_of(enrolled)[:2]
    learner_client.get(first.url)

    second.title = "Participatory budgeting"
    second.save_revision().publish()

    assert "Participatory budgeting" in learner_client.get(first.url).content.decode()


def test_a_draft_title_never_shows_in_an_outline(learner_client, enrolled):
    first, second = lessons_of(enrolled)[:2]
    learner_client.get(first.url)

    second.title = "Draft title not yet approved"
    second.save_revision()

    assert "Draft title not yet approved" not in learner_client.get(first.url).content.decode()


def test_saved_branding_shows_at_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    learner_client.get(lesson.url)
    branding = BrandingSettings.objects.get()

    branding.programme_name = "Akademija LAP"
    branding.save()

    assert "Akademija LAP" in learner_client.get(lesson.url).content.decode()


def test_the_tree_is_read_when_the_cache_is_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }

    assert tree_cached("test", ["a"], lambda keys: {key: key.upper() for key in keys}) == {"a": "A"}


def test_what_is_not_found_is_asked_again_and_never_stored():
    asked = []

    def compute(keys):
        asked.extend(keys)
        return dict.fromkeys(keys)

    tree_cached("test", ["missing"], compute)
    tree_cached("test", ["missing"], compute)

    assert asked == ["missing", "missing"]


def test_learners_get_no_editing_bar_and_editors_do(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    trainer = make_trainer()
    enrollment_create(learner=trainer, course=enrolled)
    trainer_client = Client()
    trainer_client.force_login(trainer)

    assert "wagtail-userbar" not in learner_client.get(lesson.url).content.decode()
    assert "wagtail-userbar" in trainer_client.get(lesson.url).content.decode()


def test_a_learners_pages_ask_for_the_editing_bar_once_in_minutes(
    learner_client, enrolled, monkeypatch
):
    """Whether to offer the bar is kept in the session: no permission query and no cache round
    trip per page. (Wagtail's bar checks an editor's rights itself whenever it is shown.)"""
    lesson = lessons_of(enrolled)[0]

    def permission_queries():
        with CaptureQueriesContext(connection) as queries:
            assert learner_client.get(lesson.url).status_code == 200
        return [query for query in queries if "auth_permission" in query["sql"]]

    assert permission_queries()
    assert not permission_queries()
    later = time.time() + ADMIN_ACCESS_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)

    assert permission_queries()


def test_a_quiz_is_remembered_once_and_routes_what_follows_its_path(learner_client, learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner)
    assert learner_client.get(quiz.url).status_code == 200
    attempt = start_by_post(learner_client, quiz)

    for _ in range(2):
        assert learner_client.get(attempt_url(quiz, attempt)).status_code == 200
    unknown = learner_client.get(quiz.url + "no-such-view/")

    assert unknown.status_code == 404
    assert len([key for key in cache_keys() if ":route-" in key]) == 1  # the quiz's own path


def test_a_page_reads_the_cache_generation_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    learner_client.get(lesson.url)

    with mock.patch.object(cache, "get", wraps=cache.get) as cache_get:
        learner_client.get(lesson.url)

    reads = [call for call in cache_get.call_args_list if call.args[0] == GENERATION_KEY]
    assert len(reads) == 1  # for the route, the outline and the branding alike


def test_after_a_purge_the_same_request_reads_the_new_tree(rf):
    seen = []

    def view(request):
        seen.append(_generation())
        page_cache_purge()
        seen.append(_generation())
        return HttpResponse()

    PageCacheMiddleware(view)(rf.post("/"))

    assert seen[0] != seen[1] and seen[1] == cache.get(GENERATION_KEY)


def test_a_privacy_setting_is_refused_when_the_cache_cannot_forget_the_routes(
    learner_client, enrolled, monkeypatch
):
    lesson = lessons_of(enrolled)[0]
    assert learner_client.get(lesson.url).status_code == 200  # its route is remembered

    def refuse(*args, **kwargs):
        raise ConnectionError("the cache refuses writes")

    monkeypatch.setattr(cache, "set", refuse)
    with pytest.raises(ConnectionError):  # outside any transaction, as Wagtail's privacy view
        PageViewRestriction.objects.create(page=enrolled, restriction_type="login")

    assert not PageViewRestriction.objects.exists()


def test_with_a_second_site_the_outline_links_as_wagtail_does(learner, enrolled):
    lesson = lessons_of(enrolled)[0]
    local = course_outline_for(course=enrolled, learner=learner).steps[0].page
    assert local.url == lesson.url and local.url.startswith("/")

    other_root = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other"))
    Site.objects.create(hostname="other.example", root_page=other_root)
    shown = course_outline_for(course=enrolled, learner=learner).steps[0].page

    assert shown.url == Page.get_url(shown) == f"http://localhost{lesson.url}"


def test_cached_values_are_named_by_the_code_that_shapes_them():
    from academy.core.page_cache import cache_name

    class Before:
        route: str

    class After:
        route: str
        parent: str  # a release adds a field: its servers must not read the old values

    assert cache_name("route", Before) == cache_name("route", Before)
    assert cache_name("route", Before) != cache_name("route", After)
    assert cache_name("route", Before).startswith("route-")


def test_a_value_read_once_is_kept_in_the_process_until_the_tree_changes():
    asked = []

    def compute(keys):
        asked.extend(keys)
        return {key: key.upper() for key in keys}

    tree_cached("test", ["a"], compute)
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many:
        assert tree_cached("test", ["a"], compute) == {"a": "A"}
    assert not get_many.called  # neither fetched nor unpickled again

    page_cache_purge()
    tree_cached("test", ["a"], compute)
    assert asked == ["a", "a"]


def test_a_value_kept_in_the_process_is_read_from_the_cache_again_after_a_while():
    tree_cached("test", ["a"], lambda keys: {key: key.upper() for key in keys})
    later = time.monotonic() + _LocalTreeValues.LOCAL_SECONDS + 1

    with (
        mock.patch("academy.core.page_cache.time.monotonic", return_value=later),
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
    ):
        assert tree_cached("test", ["a"], lambda keys: {}) == {"a": "A"}
    assert get_many.called


def render_fragment(**context):
    source = (
        '{% load tree_cache %}{% treecache "test" language %}'
        "{{ language }} {{ name }}{% endtreecache %}"
    )
    return Template(source).render(Context(context))


def test_a_shared_fragment_is_rendered_once_per_tree_and_language():
    assert render_fragment(language="bs", name="Amra") == "bs Amra"
    # What it does not vary on is what it showed first, until the tree changes.
    assert render_fragment(language="bs", name="Edin") == "bs Amra"
    assert render_fragment(language="hr", name="Edin") == "hr Edin"

    page_cache_purge()
    assert render_fragment(language="bs", name="Edin") == "bs Edin"


def test_a_shared_fragment_needs_a_quoted_name():
    with pytest.raises(TemplateSyntaxError, match="quoted fragment name"):
        Template("{% load tree_cache %}{% treecache header %}{% endtreecache %}")


def test_the_shared_header_leaves_each_learner_their_own_log_out_token(learner, other_learner):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(learner)
    second.force_login(other_learner)
    first.get("/en/courses/")  # the header is rendered with the first learner's token around it

    page = second.get("/en/courses/").content.decode()
    token = re.search(r'action="/en/accounts/logout/".*?value="([^"]+)"', page, re.S).group(1)
    second.post("/en/accounts/logout/", {"csrfmiddlewaretoken": token})

    assert "_auth_user_id" not in second.session  # logged out: the token was theirs


def test_each_page_keeps_its_own_language_links(learner_client, enrolled):
    first, second = lessons_of(enrolled)[:2]
    learner_client.get(first.url)

    page = learner_client.get(second.url).content.decode()

    assert f"page={second.pk}" in page and f"page={first.pk}" not in page
    assert urlencode({"next": second.url}) in page
    # A query string is passed on as it is, never kept.
    assert (
        urlencode({"next": second.url + "?x=1"})
        in learner_client.get(second.url + "?x=1").content.decode()
    )
