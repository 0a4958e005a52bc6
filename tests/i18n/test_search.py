"""Lesson search in each language ignores diacritics and script."""

import pytest

from tests.factories import add_lesson, make_course
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def lessons(db):
    course = make_course(modules=1, lessons_per_module=0)
    module = course.get_children().get()
    translate(course, "bs")
    translate(course, "sr")
    zepce = add_lesson(
        module,
        title="ELoGE in practice",
        body=paragraph("Žepče received the label in the <b>fourth</b> round, with Jablanica."),
    )
    translate(
        zepce,
        "bs",
        title="ELoGE u praksi",
        body=paragraph("Žepče je oznaku dobilo u četvrtom krugu, zajedno s Jablanicom."),
    )
    translate(
        zepce,
        "sr",
        title="ЕЛоГЕ у пракси",
        body=paragraph("Жепче је ознаку добило у четвртом кругу, заједно с Јабланицом."),
    )
    add_lesson(module, title="Budgets", body=paragraph("Publish the draft budget."))
    return zepce


TITLES = ("ELoGE in practice", "ELoGE u praksi", "ЕЛоГЕ у пракси", "Budgets")


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return [
        title
        for title in ("ELoGE in practice", "ELoGE u praksi", "ЕЛоГЕ у пракси", "Budgets")
        if title in html
    ]


def test_a_query_without_diacritics_finds_the_lesson_in_the_readers_language(client, lessons):
    assert titles(client, "/bs/search/?q=zepce") == ["ELoGE u praksi"]
    assert titles(client, "/bs/search/?q=cetvrtom") == ["ELoGE u praksi"]
    assert titles(client, "/en/search/?q=ZEPCE") == ["ELoGE in practice"]


def test_a_latin_query_finds_serbian_cyrillic_text(client, lessons):
    assert titles(client, "/sr/search/?q=cetvrtom") == ["ЕЛоГЕ у пракси"]
    assert titles(client, "/sr/search/?q=Јабланицом") == ["ЕЛоГЕ у пракси"]


def test_a_lesson_not_in_the_readers_language_is_found_in_the_fallback(client, lessons):
    html = client.get("/hr/search/?q=zepce").content.decode()
    assert "ELoGE u praksi" in html
    assert 'href="/hr/' in html


def test_no_match_and_no_query_show_an_empty_state(client, lessons):
    assert "No lesson matches" in client.get("/en/search/?q=nonexistentword").content.decode()
    assert 'name="q"' in client.get("/en/search/").content.decode()
