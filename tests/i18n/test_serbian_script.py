"""Serbian is written once: publishing the Cyrillic version writes the Latin one, and back."""

import pytest
from wagtail.models import Locale

from academy.governance.models import Principle
from quizzes.models import QuizPage
from tests.factories import add_lesson, add_quiz, lessons_of, make_course, single_choice
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def serbian_module(db):
    """A course and module in Serbian Cyrillic and Latin (both from English)."""
    course = make_course(modules=1, lessons_per_module=0)
    module = course.get_children().get().specific
    for language in ("sr", "sr-latn"):
        translate(module, language)
    return module.get_translation(Locale.objects.get(language_code="sr")).specific


def latin(page):
    return page.get_translation(Locale.objects.get(language_code="sr-latn")).specific


def test_publishing_a_cyrillic_lesson_writes_and_updates_its_latin_version(serbian_module):
    lesson = add_lesson(
        serbian_module,
        title="Љубиње и Жепче",
        body=[
            {"type": "heading", "value": {"text": "Отвореност", "level": "h2"}},
            {
                "type": "paragraph",
                "value": '<p>Њихов <a href="https://lap.example/џ">буџет</a>: info@lap.example</p>',
            },
        ],
    )
    version = latin(lesson)
    assert version.live
    assert version.title == "Ljubinje i Žepče"
    heading, paragraph = version.body.raw_data
    assert heading["value"] == {"text": "Otvorenost", "level": "h2"}
    assert paragraph["value"] == (
        '<p>Njihov <a href="https://lap.example/џ">budžet</a>: info@lap.example</p>'
    )

    lesson.title = "Љубиње"
    lesson.save_revision().publish()
    assert latin(lesson).title == "Ljubinje"
    assert latin(lesson).pk == version.pk


def test_a_latin_quiz_writes_its_cyrillic_questions(serbian_module):
    latin_module = latin(serbian_module)
    quiz = add_quiz(
        latin_module,
        title="Provjera znanja",
        questions=[single_choice("Koji princip pokriva otvorenost?")],
    )
    cyrillic = QuizPage.objects.get(
        translation_key=quiz.translation_key, locale__language_code="sr"
    )
    assert cyrillic.title == "Провјера знања"
    question = cyrillic.questions.get()
    assert question.prompt == "<p>Који принцип покрива отвореност?</p>"
    assert question.translation_key == quiz.questions.get().translation_key
    choices = question.answer_key.raw_data[0]["value"]["choices"]
    assert [c["value"]["is_correct"] if "value" in c else c["is_correct"] for c in choices] == [
        True,
        False,
        False,
    ]


def test_saving_a_cyrillic_principle_writes_the_latin_one(db):
    principle = Principle.objects.filter(locale__language_code="sr").first()
    if principle is None:
        english = Principle.objects.filter(locale__language_code="en").first()
        principle = english.copy_for_translation(Locale.objects.get(language_code="sr"))
    principle.name = "Отвореност и транспарентност"
    principle.save()
    version = principle.get_translation(Locale.objects.get(language_code="sr-latn"))
    assert version.name == "Otvorenost i transparentnost"
    assert version.number == principle.number


def test_lessons_of_other_languages_are_left_alone(db):
    course = make_course(modules=1, lessons_per_module=1)
    assert lessons_of(course)[0].get_translations().count() == 0
