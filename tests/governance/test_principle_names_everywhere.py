"""Wherever a principle is named, the reader reads its name in their language: the catalogue,
a course, a lesson, the mastery map, a quiz's result, the trainers' mastery map, an action plan
and a certificate, in Bosnian, Croatian (no names of its own in the demo: Bosnian's), Serbian
Cyrillic and Serbian Latin; never the English name, although pages, lessons and questions point
at the English rows (the originals)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from academy.accounts.models import User
from academy.governance.models import Principle
from academy.governance.selectors import principle_names
from assignments.blocks import principle_choices, with_principle_labels
from certificates.models import CourseCertificateRule
from courses.models import Cohort
from courses.services import enrollment_create, step_complete
from demo.translations import load_principles
from quizzes.services import attempt_start, attempt_submit
from tests.certificates.conftest import complete, pdf_text, stored_pdf
from tests.factories import UserFactory, add_quiz, catalogue, lessons_of, make_course
from tests.i18n.conftest import page_url, translate, version
from tests.quizzes.conftest import true_false

pytestmark = pytest.mark.django_db

LANGUAGES = ["bs", "hr", "sr", "sr-latn"]
HUMAN_RIGHTS = 2


def name_for(language, number=HUMAN_RIGHTS) -> str:
    """What a reader of `language` should read: the name in that language's row, else in the
    first fallback language's (settings.CONTENT_FALLBACK_LANGUAGES)."""
    names = dict(
        Principle.objects.filter(number=number).values_list("locale__language_code", "name")
    )
    return next(
        names[code] for code in (language, *settings.CONTENT_FALLBACK_LANGUAGES) if code in names
    )


def english_names() -> list[str]:
    return list(Principle.objects.filter(locale__language_code="en").values_list("name", flat=True))


def assert_named_in(text, language, *, escaped=True):
    """`text` names Human Rights in `language` and no principle in English."""
    name = name_for(language)
    assert (escape(name) if escaped else name) in text
    for english in english_names():
        assert english not in text, english


@pytest.fixture
def translated_principles(db):
    """The principles in Bosnian, Serbian Cyrillic and Serbian Latin, as `load_demo` writes
    them; Croatian has none."""
    load_principles()
    for language in ("bs", "sr", "sr-latn"):
        row = Principle.objects.get(number=HUMAN_RIGHTS, locale__language_code=language)
        assert row.name != "Human Rights"
    assert not Principle.objects.filter(locale__language_code="hr").exists()


@pytest.fixture
def human_rights(translated_principles):
    return Principle.objects.get(number=HUMAN_RIGHTS, locale__language_code="en")


@pytest.fixture
def course(human_rights, learner):
    """A course on Human Rights (its lesson and quiz question too), translated into every
    language; the learner enrolled, with the lesson done and the quiz taken."""
    course = make_course(modules=1, lessons_per_module=1)
    course.principles = [human_rights]
    course.save_revision().publish()
    lesson = lessons_of(course)[0]
    lesson.principles = [human_rights]
    lesson.save_revision().publish()
    # A question whose text names no principle: the result shows it.
    quiz = add_quiz(lesson.get_parent(), questions=[{**true_false(), "principles": [human_rights]}])
    for language in LANGUAGES:
        translate(catalogue(), language)
    for language in LANGUAGES:
        for page in (course, lesson, quiz):
            translate(page, language)
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lesson)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=attempt, raw_answers={})
    course.quiz, course.lesson, course.attempt = quiz, lesson, attempt
    return course


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_names_principles_in_the_readers_language(learner_client, course, language):
    assert_named_in(page(learner_client, f"/{language}/courses/"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_course_page_names_principles_in_the_readers_language(learner_client, course, language):
    assert_named_in(page(learner_client, page_url(course, language)), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_lesson_names_principles_in_the_readers_language(learner_client, course, language):
    assert_named_in(page(learner_client, page_url(course.lesson, language)), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_mastery_map_names_principles_in_the_readers_language(learner_client, course, language):
    assert_named_in(page(learner_client, f"/{language}/my-learning/"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quiz_result_names_principles_in_the_readers_language(learner_client, course, language):
    quiz = version(course.quiz, language)
    url = f"{quiz.url}attempts/{course.attempt.pk}/result/"

    assert_named_in(page(learner_client, url), language)


@pytest.fixture
def admin_client(client):
    """A superuser in the admin, in the language given."""
    user = User.objects.create_superuser(email="urednik@lap.example", full_name="Urednik Urednić")
    client.force_login(user)

    def in_language(language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return client

    return in_language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cohorts_mastery_map_names_principles_in_the_trainers_language(
    admin_client, course, learner, language
):
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    learner.enrollments.update(cohort=cohort)

    html = page(admin_client(language), reverse("cohort_mastery", args=[cohort.pk]))

    assert_named_in(html, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_action_plans_goals_name_principles_in_the_readers_language(
    translated_principles, language
):
    goal = type("Goal", (), {"principles": [HUMAN_RIGHTS]})()

    with translation.override(language):
        (labelled,) = with_principle_labels([goal])
        choices = dict(principle_choices())

    assert labelled.principle_labels == [f"{HUMAN_RIGHTS}. {name_for(language)}"]
    assert choices[HUMAN_RIGHTS] == f"{HUMAN_RIGHTS}. {name_for(language)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_certificate_names_principles_in_its_language(human_rights, template, issue, language):
    course = make_course(modules=1, lessons_per_module=1)
    course.principles = [human_rights]
    course.save_revision().publish()
    CourseCertificateRule.objects.create(course=course, template=template, issuance="automatic")
    learner = UserFactory(preferred_language=language)
    complete(learner, course)

    certificate = issue(learner, course)

    assert certificate.language == language
    assert certificate.principles == [{"number": HUMAN_RIGHTS, "name": name_for(language)}]
    assert_named_in(" ".join(pdf_text(stored_pdf(certificate)).split()), language, escaped=False)


@pytest.mark.parametrize("language", ["bs", "sr", "sr-latn"])
def test_a_templates_preview_names_its_sample_principle_in_the_templates_language(
    translated_principles, template, language
):
    translated = template.copy_for_translation(Locale.objects.get(language_code=language))
    translated.body = "{principles}"
    translated.save()

    text = " ".join(pdf_text(translated.make_preview_request().content).split())

    assert f"6. {name_for(language, 6)}" in text
    assert "Openness and Transparency" not in text


def test_a_renamed_principle_shows_at_once(learner_client, course):
    page(learner_client, "/bs/courses/")  # the names are kept
    bosnian = Principle.objects.get(number=HUMAN_RIGHTS, locale__language_code="bs")
    bosnian.name = "Prava čovjeka"
    bosnian.save()

    assert "Prava čovjeka" in page(learner_client, "/bs/courses/")


def test_the_names_are_read_once_per_language_then_kept(
    translated_principles, django_assert_num_queries
):
    with translation.override("sr-latn"), django_assert_num_queries(1):
        latin = principle_names()
    with translation.override("sr-latn"), django_assert_num_queries(0):
        again = principle_names()
    with translation.override("sr"), django_assert_num_queries(1):
        cyrillic = principle_names()

    assert again == latin
    assert latin[HUMAN_RIGHTS] == name_for("sr-latn")
    assert cyrillic[HUMAN_RIGHTS] == name_for("sr")
