"""Serbian script conversion of content: words only, markup, URLs and addresses intact."""

from academy.core.script import convert_stream, convert_text
from academy.core.text import cyrillic_to_latin, latin_to_cyrillic
from quizzes.blocks import AnswerKeyBlock

RICH_CYRILLIC = (
    "<p>Општина <b>Жепче</b> је добила ознаку ЕЛоГЕ; пишите на "
    '<a href="https://lap.example/ljubinje/">љубиње@lap.example</a> или посетите '
    "https://www.coe.int/elоge, а Љиљана Њежић и ЏЕМАЛ ће одговорити.&nbsp;</p>"
)
RICH_LATIN = (
    "<p>Opština <b>Žepče</b> je dobila oznaku ELoGE; pišite na "
    '<a href="https://lap.example/ljubinje/">љубиње@lap.example</a> ili posetite '
    "https://www.coe.int/elоge, a Ljiljana Nježić i DŽEMAL će odgovoriti.&nbsp;</p>"
)


def test_rich_text_is_converted_word_by_word_keeping_markup_urls_and_addresses():
    assert convert_text(RICH_CYRILLIC, cyrillic_to_latin) == RICH_LATIN


def test_latin_rich_text_goes_back_to_cyrillic_with_digraphs_and_entities_intact():
    html = (
        '<p class="lead">Njegoš i Ljubinje: <a href="mailto:info@lap.example">info@lap.example</a>'
        "&amp; džem</p>"
    )
    assert convert_text(html, latin_to_cyrillic) == (
        '<p class="lead">Његош и Љубиње: <a href="mailto:info@lap.example">info@lap.example</a>'
        "&amp; џем</p>"
    )


def test_certificate_placeholders_are_kept():
    body = "Potvrđuje se da je {learner} završio/la {course} dana {date}."
    assert convert_text(body, latin_to_cyrillic) == (
        "Потврђује се да је {learner} завршио/ла {course} дана {date}."
    )


def test_answer_keys_convert_text_but_not_choices_numbers_or_ids():
    raw = [
        {
            "type": "true_false",
            "id": "a1",
            "value": {"answer": "true", "feedback_true": "Тачно.", "feedback_false": ""},
        },
        {
            "type": "short",
            "id": "b2",
            "value": {
                "accepted": [{"type": "item", "id": "c3", "value": "Жепче"}],
                "ignore_diacritics": True,
                "ignore_script": False,
            },
        },
        {"type": "numeric", "id": "d4", "value": {"value": "12", "tolerance": "0"}},
    ]
    converted = convert_stream(AnswerKeyBlock(), raw, cyrillic_to_latin)
    assert converted[0] == {
        "type": "true_false",
        "id": "a1",
        "value": {"answer": "true", "feedback_true": "Tačno.", "feedback_false": ""},
    }
    assert converted[1]["value"]["accepted"] == [{"type": "item", "id": "c3", "value": "Žepče"}]
    assert converted[2] == raw[2]
