"""Serbian Latin is generated from the Cyrillic catalogue, never translated twice."""

import re

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from academy.core.management.commands.compile_translations import serbian_latin

LOCALE = settings.BASE_DIR / "locale"
CYRILLIC = polib.pofile(str(LOCALE / "sr" / "LC_MESSAGES" / "django.po"))
LATIN = polib.pofile(str(LOCALE / "sr_Latn" / "LC_MESSAGES" / "django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|%%|\{\w+\}|</?[a-z][^>]*>")


def translations(entry):
    if entry.msgid_plural:
        return list(entry.msgstr_plural.values())
    return [entry.msgstr]


def test_the_latin_catalogue_is_the_cyrillic_one_transliterated():
    latin = {(e.msgctxt, e.msgid): e for e in LATIN}
    assert set(latin) == {(e.msgctxt, e.msgid) for e in CYRILLIC}
    for entry in CYRILLIC:
        source = f"{entry.msgid} {entry.msgid_plural}" if entry.msgid_plural else entry.msgid
        expected = [serbian_latin(text, source=source) for text in translations(entry)]
        assert translations(latin[entry.msgctxt, entry.msgid]) == expected, entry.msgid


def test_the_latin_catalogue_has_no_cyrillic_except_examples_the_english_quotes():
    for entry in LATIN:
        for text in translations(entry):
            for word in re.findall(r"\w*[\u0400-\u04ff]\w*", text):
                assert word in entry.msgid, (entry.msgid, word)


@pytest.mark.parametrize("catalogue", [CYRILLIC, LATIN], ids=["sr", "sr_Latn"])
def test_every_translation_keeps_the_placeholders_and_tags_of_its_source(catalogue):
    for entry in catalogue:
        if entry.msgid_plural:
            forms = entry.msgstr_plural.values()
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            # A form may name the count or the one item (English does: "in %(course)s").
            for text in forms:
                assert set(PLACEHOLDER.findall(text)) <= allowed, (entry.msgid, text)
        elif entry.msgstr:
            found, wanted = PLACEHOLDER.findall(entry.msgstr), PLACEHOLDER.findall(entry.msgid)
            assert sorted(found) == sorted(wanted), (entry.msgid, entry.msgstr)


def test_digraph_letters_come_out_right_in_every_case():
    assert serbian_latin("Љубиша Њемачки ЏЕП џеп") == "Ljubiša Njemački DŽEP džep"


def test_placeholders_and_html_stay_ascii():
    text = '<a href="%(url)s">Поштовани %(name)s</a>, {learner}: 87,5 %%'
    assert serbian_latin(text) == '<a href="%(url)s">Poštovani %(name)s</a>, {learner}: 87,5 %%'


def test_cyrillic_examples_quoted_by_the_english_source_stay_cyrillic():
    source = '"Жепче" matches "Žepče".'
    assert serbian_latin("„Жепче“ одговара „Žepče“.", source=source) == (
        "„Жепче“ odgovara „Žepče“."
    )


def test_compile_translations_regenerates_latin_from_cyrillic(tmp_path, settings):
    cyrillic = polib.POFile()
    cyrillic.metadata = {"Language": "sr", "Content-Type": "text/plain; charset=UTF-8"}
    cyrillic.append(polib.POEntry(msgid="Dear %(name)s", msgstr="Поштовани %(name)s"))
    cyrillic.append(
        polib.POEntry(
            msgid="%(n)s lesson",
            msgid_plural="%(n)s lessons",
            msgstr_plural={0: "%(n)s лекција", 1: "%(n)s лекције", 2: "%(n)s лекција"},
        )
    )
    cyrillic.append(polib.POEntry(msgid="Draft", msgstr="Нацрт", flags=["fuzzy"]))
    (tmp_path / "sr" / "LC_MESSAGES").mkdir(parents=True)
    cyrillic.save(str(tmp_path / "sr" / "LC_MESSAGES" / "django.po"))
    stale = tmp_path / "sr_Latn" / "LC_MESSAGES" / "django.po"
    stale.parent.mkdir(parents=True)
    stale.write_text('msgid "Dear %(name)s"\nmsgstr "Hand-edited"\n', encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compile_translations", stdout=open("/dev/null", "w"))  # noqa: SIM115

    latin = polib.pofile(str(stale))
    assert latin.metadata["Language"] == "sr_Latn"
    assert latin.find("Dear %(name)s").msgstr == "Poštovani %(name)s"
    assert latin.find("%(n)s lesson").msgstr_plural == {
        0: "%(n)s lekcija",
        1: "%(n)s lekcije",
        2: "%(n)s lekcija",
    }
    assert "fuzzy" in latin.find("Draft").flags  # a doubtful translation stays unused
    assert (tmp_path / "sr_Latn" / "LC_MESSAGES" / "django.mo").exists()


@pytest.mark.parametrize(
    ("language", "expected"), [("sr", "Сертификати"), ("sr-latn", "Sertifikati")]
)
def test_django_serves_each_script_from_its_catalogue(language, expected):
    with translation.override(language):
        assert translation.gettext("Certificates") == expected
