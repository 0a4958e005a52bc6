"""Every language renders the learner's pages with its own `lang`, and the switcher keeps the
learner on the same page in the other language, remembering the choice."""

from html import unescape

import pytest
from django.conf import settings

from courses.models import Cohort, Enrollment
from courses.services import enrollment_create
from tests.certificates.conftest import certified_course, complete
from tests.factories import UserFactory, add_quiz, lessons_of, single_choice
from tests.i18n.conftest import page_url, translate, version

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def switch_link(html, language):
    start = html.index(f'href="/i18n/switch/{language}/')
    return unescape(html[start + 6 : html.index('"', start + 6)])


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_renders_catalogue_lesson_quiz_and_verification_in_its_lang(
    client, learner, course, language
):
    lesson = lessons_of(course)[0]
    quiz = add_quiz(lesson.get_parent(), questions=[single_choice()], title="Quiz")
    translate(quiz, "sr", title="Квиз")
    enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    lesson_path = version(lesson, "bs").url[len("/bs") :]
    quiz_path = version(quiz, "sr").url[len("/sr") :]
    expected_lesson = {"en": "Lesson 1.1", "sr": "Лекција 1.1"}.get(language, "Lekcija 1.1")
    expected_quiz = {"sr": "Квиз", "sr-latn": "Kviz"}.get(language, "Quiz")  # Latin written

    for url, expected in [
        (f"/{language}/courses/", None),
        (f"/{language}{lesson_path}", expected_lesson),
        (f"/{language}{quiz_path}", expected_quiz),
    ]:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in html, url
        if expected:
            assert f"<h1>{expected}</h1>" in html, url

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    verify = client.get("/verify/")
    assert f'<html lang="{language}"' in verify.content.decode()


def test_the_switcher_leads_to_the_translation_and_remembers_the_choice(client, learner, course):
    enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    bosnian = version(lessons_of(course)[0], "bs")
    html = client.get(bosnian.url).content.decode()

    response = client.get(switch_link(html, "sr"))
    assert response.status_code == 302
    assert response.url == version(bosnian, "sr").url
    learner.refresh_from_db()
    assert learner.preferred_language == "sr"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sr"


def test_the_switcher_keeps_other_views_and_untranslated_pages_under_the_new_prefix(
    client, learner, course
):
    client.force_login(learner)
    html = client.get("/bs/my-learning/").content.decode()
    assert client.get(switch_link(html, "hr")).url == "/hr/my-learning/"

    bosnian_only = version(lessons_of(course)[1].get_parent(), "bs")
    html = client.get(bosnian_only.url).content.decode()
    target = client.get(switch_link(html, "hr")).url
    assert target == "/hr" + bosnian_only.url[len("/bs") :]
    assert client.get(target).status_code == 200


def test_a_bad_switch_changes_nothing(client, learner):
    client.force_login(learner)
    assert client.get("/i18n/switch/xx/?next=/bs/courses/").status_code == 404
    away = client.get("/i18n/switch/hr/?next=https://evil.example/")
    assert away.url.startswith("/") and "evil" not in away.url
    learner.refresh_from_db()
    assert learner.preferred_language == "hr"  # the valid switch, not the unknown one


@pytest.mark.parametrize("page", ["abc", "-1", "999999", "course"])
def test_a_page_parameter_that_does_not_fit_keeps_the_path_under_the_new_prefix(
    client, course, page
):
    # Not a number, no such page, or a page that is not where `next` is (the course page,
    # while the learner is on the catalogue).
    page_id = course.pk if page == "course" else page

    response = client.get(f"/i18n/switch/bs/?next=/en/courses/&page={page_id}")

    assert response.status_code == 302
    assert response.url == "/bs/courses/"


def test_pages_for_visitors_carry_no_csrf_token(client, course):
    html = client.get("/sr/courses/").content.decode()
    assert "/i18n/switch/bs/" in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_verification_page_of_a_certificate_speaks_the_visitors_language(
    client, template, issue, language
):
    course = certified_course(template)
    learner = UserFactory(full_name="Милица Јовановић")
    complete(learner, course)
    certificate = issue(learner, course)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(f"/verify/{certificate.display_code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert "Милица Јовановић" in html


def test_an_invitation_link_in_bosnian_shows_and_opens_the_course_in_bosnian(
    client, learner, course
):
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    client.force_login(learner)
    link = f"/bs/join/{cohort.invitation_token}/"

    assert "Dobro lokalno upravljanje" in client.get(link).content.decode()
    response = client.post(link)

    assert response.url == page_url(course, "bs")
    assert Enrollment.objects.get(learner=learner).cohort == cohort
