"""Error pages speak the reader's language and lead somewhere: a mistyped address, a page the
account may not open, a failure on our side."""

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from tests.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def test_a_page_that_does_not_exist_is_explained_in_the_readers_language(client):
    response = client.get("/bs/courses/no-such-course/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Stranica nije pronađena" in html
    assert 'href="/bs/courses/"' in html
    assert 'lang="bs"' in html


def test_a_refusal_says_why_and_whom_to_ask(learner_client):
    lesson = lessons_of(make_course())[0]  # a course the learner is not enrolled in

    response = learner_client.post(f"/en/steps/{lesson.pk}/complete/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Enroll in this course to take its lessons." in html
    assert "Ask your trainer or programme coordinator." in html


def test_a_failure_on_our_side_has_a_page_that_needs_nothing_from_the_request():
    response = server_error(RequestFactory().get("/en/courses/"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "Back to the home page" in response.content.decode()


def test_a_form_sent_with_an_expired_token_says_what_to_do(learner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)

    response = browser.post("/en/accounts/profile/", {"full_name": "Amra"})

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert "reload the page" in response.content.decode()
