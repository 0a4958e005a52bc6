"""Serbian is written once: publishing the Cyrillic version writes the Latin one, and back."""

import pytest
from wagtail.models import Locale

from academy.core.script import convert_text
from academy.core.text import cyrillic_to_latin, latin_to_cyrillic
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


# Latin that is not Serbian Latin stays Latin in Cyrillic: each rule, with a text that would be
# converted without it.
@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # Protected terms (settings.SERBIAN_PROTECTED_TERMS), declined with a hyphen.
        ("Mjerilo ELoGE-a i program LAP", "Мјерило ELoGE-а и програм LAP"),
        ("Preporuka CM/Rec(2023)5", "Препорука CM/Rec(2023)5"),
        ("značka Open Badges", "значка Open Badges"),
        # Acronyms in capitals, in text that is not written in capitals.
        ("EU, CSO i PDF", "EU, CSO и PDF"),
        ("u XXI vijeku", "у XXI вијеку"),
        # Codes mixing capitals and digits.
        ("mreža 5G, šifra Ab12", "мрежа 5G, шифра Ab12"),
        # URLs and e-mail addresses, also in plain text.
        ("pišite na info@lap.example", "пишите на info@lap.example"),
        ("na https://lap.example/ljubinje/", "на https://lap.example/ljubinje/"),
    ],
)
def test_latin_identifiers_stay_latin_in_cyrillic(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Opština Ljubinje", "Општина Љубиње"),
        ("Njegoš, Džemal i džem", "Његош, Џемал и џем"),
        ("LJUBINJE NJEGOŠ DŽEMAL", "ЉУБИЊЕ ЊЕГОШ ЏЕМАЛ"),
        # A text in capitals (a heading) is words, not acronyms.
        ("OTVORENOST I ODGOVORNOST", "ОТВОРЕНОСТ И ОДГОВОРНОСТ"),
        # Words in capitals with Serbian letters or digraphs are Serbian, not acronyms.
        ("Pazi: ŠUMA i LJUBINJE", "Пази: ШУМА и ЉУБИЊЕ"),
        # Serbian acronyms, mixed-case BiH and lower-case units are written in Cyrillic.
        ("OCD i NVO u RS i BiH, 10 km", "ОЦД и НВО у РС и БиХ, 10 км"),
        # A single capital is a word ("I" = "and"), and a capital starts a sentence.
        ("I opštine", "И општине"),
        # Lower case is Serbian even where a protected term is spelled alike.
        ("lap i open badges", "лап и опен бадгес"),
    ],
)
def test_ordinary_serbian_latin_still_becomes_cyrillic(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


def test_the_protected_terms_are_a_setting(settings):
    settings.SERBIAN_PROTECTED_TERMS = ["Moodle"]
    assert latin_to_cyrillic("Moodle i ELoGE") == "Moodle и ЕЛоГЕ"
    settings.SERBIAN_PROTECTED_TERMS = []
    assert latin_to_cyrillic("Moodle i LAP") == "Моодле и LAP"  # LAP: an acronym anyway


def test_in_rich_text_acronyms_are_judged_on_the_whole_text():
    html = "<p>Program <b>EU</b> i <i>CSO</i></p><h3>OTVORENOST</h3>"
    assert convert_text(html, latin_to_cyrillic) == (
        "<p>Програм <b>EU</b> и <i>CSO</i></p><h3>OTVORENOST</h3>"
    )
    assert convert_text("<h3>OTVORENOST</h3><p>I <b>ODGOVORNOST</b></p>", latin_to_cyrillic) == (
        "<h3>ОТВОРЕНОСТ</h3><p>И <b>ОДГОВОРНОСТ</b></p>"
    )


def test_cyrillic_to_latin_keeps_latin_and_addresses_with_cyrillic():
    cyrillic = "ЛАП и LAP, ЕЛоГЕ и ELoGE: https://пример.срб/џ и ЉУБИЊЕ"
    assert (
        cyrillic_to_latin(cyrillic) == "LAP i LAP, ELoGE i ELoGE: https://пример.срб/џ i LJUBINJE"
    )


def test_latin_to_cyrillic_and_back_is_the_identity():
    latin = "Opština Žepče (LAP, ELoGE-a, CM/Rec(2023)5, EU, 5G): info@lap.example, Ljubinje."
    assert cyrillic_to_latin(latin_to_cyrillic(latin)) == latin


def test_a_latin_lesson_writes_a_cyrillic_one_with_its_identifiers_in_latin(serbian_module):
    lesson = add_lesson(
        latin(serbian_module),
        title="LAP i ELoGE: Preporuka CM/Rec(2023)5",
        body=[{"type": "paragraph", "value": "<p>Opštine u <b>EU</b> i CSO (PDF)</p>"}],
    )
    cyrillic = type(lesson).objects.get(
        translation_key=lesson.translation_key, locale__language_code="sr"
    )
    assert cyrillic.title == "LAP и ELoGE: Препорука CM/Rec(2023)5"
    assert cyrillic.body.raw_data[0]["value"] == "<p>Општине у <b>EU</b> и CSO (PDF)</p>"
