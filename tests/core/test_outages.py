"""With Redis down (the resilient cache pointed at a port nothing listens on) every page is still
served from the database, with the page cache on; what must not be lost is refused instead.
The same outage with a real Redis stopped and started again: tests/services/test_outages.py."""

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from wagtail.models import PageViewRestriction

from academy.core.page_cache import CacheUnavailable
from courses.services import enrollment_create
from tests.core.test_health import closed_port
from tests.factories import PASSWORD, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_down(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.CACHES = {
        "default": {
            "BACKEND": "academy.core.cache.ResilientCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }


def test_visitors_and_learners_are_served_while_redis_is_down(client, learner, course):
    lesson = lessons_of(course)[0]
    enrollment_create(learner=learner, course=course)

    home = client.get("/en/")
    catalogue = client.get("/en/courses/")
    verify = client.get("/verify/")
    login = client.post("/en/accounts/login/", {"username": learner.email, "password": PASSWORD})
    lesson_page = client.get(lesson.url)

    assert [home.status_code, catalogue.status_code, verify.status_code] == [200, 200, 200]
    assert login.status_code == 302
    assert lesson_page.status_code == 200
    assert lesson.title in lesson_page.content.decode()
    # The session lives in the database meanwhile: a learner stays logged in.
    assert SessionStore(client.session.session_key).load()["_auth_user_id"] == str(learner.pk)


def test_a_privacy_setting_is_refused_while_the_cache_cannot_forget_routes(course):
    # Remembered routes say who may view a page; a change they would not see is refused.
    with pytest.raises(CacheUnavailable):
        PageViewRestriction.objects.create(page=course, restriction_type="login")

    assert not PageViewRestriction.objects.exists()
