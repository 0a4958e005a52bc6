"""Security headers: a Content-Security-Policy that blocks injected script on learner pages and
still lets the Wagtail admin work, frame denial (with the one SAMEORIGIN exception Wagtail's
preview needs), referrer policy, no MIME sniffing, and HSTS in production."""

import importlib
import sys

import pytest
from django.test import override_settings
from django.urls import reverse

from courses.models import ModulePage
from courses.services import enrollment_create
from quizzes.services import attempt_start
from tests.factories import add_quiz, lessons_of, make_course, single_choice
from tests.security.inert import assert_inert

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.fixture
def course_with_quiz(learner):
    course = make_course(modules=1, lessons_per_module=1)
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[single_choice()])
    enrollment_create(learner=learner, course=course)
    return course, quiz


def learner_pages(course, quiz, learner):
    attempt = attempt_start(learner=learner, quiz=quiz)
    return [
        "/en/",
        "/en/courses/",
        course.url,
        lessons_of(course)[0].url,
        quiz.url,
        quiz.url + f"attempts/{attempt.pk}/",
        "/en/my-learning/",
        "/en/my-certificates/",
        "/en/accounts/profile/",
        "/verify/",
    ]


def test_learner_pages_allow_only_our_own_scripts_and_no_framing(
    learner_client, learner, course_with_quiz
):
    for url in learner_pages(*course_with_quiz, learner):
        response = learner_client.get(url)
        assert response.status_code == 200, url
        policy = csp(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert response.headers["X-Frame-Options"] == "DENY", url


def test_learner_pages_have_nothing_the_policy_would_block(
    learner_client, learner, course_with_quiz
):
    """No inline script or event handler on our own pages: the strict policy breaks nothing."""
    for url in learner_pages(*course_with_quiz, learner):
        assert_inert(learner_client.get(url))


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/accounts/signup/", "/verify/"])
def test_anonymous_pages_are_covered_and_inert(client, url):
    response = client.get(url)

    assert_inert(response)
    assert csp(response)["script-src"] == ["'self'"]


def test_referrer_policy_and_no_mime_sniffing(client):
    response = client.get("/en/accounts/login/")

    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


# The Wagtail admin still works under its policy


def test_the_admin_dashboard_loads_with_the_admin_policy(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    policy = csp(response)
    # Wagtail's inline panels and date pickers are inline scripts.
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'self'" in policy["frame-src"]  # the editor's live preview
    assert policy["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_page_editor_loads_for_a_lesson_and_a_quiz(admin_client, course_with_quiz):
    course, quiz = course_with_quiz
    for page in (lessons_of(course)[0], quiz):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert "'unsafe-inline'" in csp(response)["script-src"]


def test_the_editors_preview_may_be_framed_by_the_admin_only(admin_client, course_with_quiz):
    course, _quiz = course_with_quiz
    lesson = lessons_of(course)[0]
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])

    response = admin_client.get(preview_url)

    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(response)["frame-ancestors"] == ["'self'"]


def test_a_learner_page_gets_no_admin_allowances(learner_client, learner, course_with_quiz):
    course, _quiz = course_with_quiz
    policy = csp(learner_client.get(lessons_of(course)[0].url))

    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]


@override_settings(MEDIA_URL="https://media.academy.example/lap/")
def test_media_on_object_storage_is_allowed_as_images_and_nothing_else(client):
    policy = csp(client.get("/en/accounts/login/"))

    assert "https://media.academy.example" in policy["img-src"]
    assert "https://media.academy.example" not in policy["script-src"]


# Production


@pytest.fixture
def production_settings(monkeypatch):
    # What a production host sets (production.py may require any of it); the test's own
    # database and cache connections are not touched by importing a settings module.
    monkeypatch.setenv("DJANGO_SECRET_KEY", "only-for-this-test-" + "x" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "academy.example.org")
    monkeypatch.setenv("DATABASE_URL", "postgres://lap@db.example:5432/lap")
    monkeypatch.setenv("REDIS_URL", "redis://redis.example:6379/0")
    sys.modules.pop("academy.settings.production", None)
    yield importlib.import_module("academy.settings.production")
    sys.modules.pop("academy.settings.production", None)


def test_production_sends_hsts_for_a_year_and_secure_cookies(production_settings, client):
    assert production_settings.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert production_settings.SESSION_COOKIE_SECURE
    assert production_settings.CSRF_COOKIE_SECURE

    with override_settings(
        SECURE_HSTS_SECONDS=production_settings.SECURE_HSTS_SECONDS,
        SECURE_HSTS_INCLUDE_SUBDOMAINS=production_settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    ):
        response = client.get("/en/accounts/login/", secure=True)

    assert response.headers["Strict-Transport-Security"].startswith(
        f"max-age={production_settings.SECURE_HSTS_SECONDS}"
    )


def test_production_keeps_the_content_security_policy(production_settings):
    assert "academy.core.headers.ContentSecurityPolicyMiddleware" in production_settings.MIDDLEWARE
    assert production_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]
