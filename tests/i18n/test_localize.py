"""wagtail-localize on Wagtail 8: translators get an editor for lessons and quizzes, quiz
questions are translatable (not just copied), and a source change syncs to translations."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.operations import TranslationCreator

from quizzes.models import Question
from tests.factories import add_quiz, lessons_of, make_course, single_choice

pytestmark = pytest.mark.django_db


def as_the_editor_saves_it(question: dict) -> dict:
    """The question with its answer key as the page editor stores it: list items (choices)
    with their ids. wagtail-localize extracts list items only in that form."""
    stream = Question(**question).answer_key
    stream[0]
    return {**question, "answer_key": stream.stream_block.get_prep_value(stream)}


@pytest.fixture
def submitted(admin_user):
    """A course with a lesson and a quiz, submitted for translation into Bosnian."""
    course = make_course(modules=1, lessons_per_module=1)
    module = course.get_children().get().specific
    quiz = add_quiz(module, questions=[as_the_editor_saves_it(single_choice())])
    lesson = lessons_of(course)[0]
    creator = TranslationCreator(admin_user, [Locale.objects.get(language_code="bs")])
    for page in (course, module, lesson, quiz):
        creator.create_translations(page)
    return lesson, quiz


def bosnian(page):
    return page.get_translation(Locale.objects.get(language_code="bs")).specific


def test_the_translation_editor_opens_for_a_lesson_and_a_quiz(admin_client, submitted):
    for page in submitted:
        response = admin_client.get(f"/admin/pages/{bosnian(page).pk}/edit/")
        assert response.status_code == 200
        assert "wagtail_localize/admin/edit_translation.html" in [
            t.name for t in response.templates
        ]


def test_question_prompts_and_choices_are_offered_to_translators(submitted):
    _lesson, quiz = submitted
    source = TranslationSource.objects.get_for_instance(quiz)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Which principle covers openness of decision-making?" in strings
    assert {"Openness and Transparency", "Rule of Law", "Yes: principle 6."} <= strings


def test_a_question_added_to_the_source_reaches_the_translation_on_sync(submitted):
    _lesson, quiz = submitted
    translated = bosnian(quiz)
    assert translated.questions.get().translation_key == quiz.questions.get().translation_key

    quiz.questions.add(Question(sort_order=1, **single_choice("Which principle is number 9?")))
    quiz.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(quiz)
    for translation in source.translations.all():
        translation.save_target(publish=True)

    assert bosnian(quiz).questions.count() == 2
    assert set(
        Question.objects.filter(quiz=translated).values_list("locale__language_code", flat=True)
    ) == {"bs"}
