"""The demo's Serbian is written in Serbian (ijekavian, as in Republika Srpska), not Bosnian or
Croatian transliterated into Cyrillic, and names written only in Latin stay in Latin."""

import re

import pytest

from demo import content
from tests.demo.test_translations import TAG, strings_by_path

# Forms that are Bosnian or Croatian and wrong in Serbian, with the Serbian ones in comments.
NOT_SERBIAN = re.compile(
    r"\b(?:"
    r"опћ\w*|уопће"  # општина, општи, уопште
    r"|тједн\w*|тједан|тисућ\w*"  # седмица / недјеља, хиљада
    r"|повијес\w*|разин\w*|сурадњ\w*|судјел\w*"  # историја, ниво, сарадња, учешће
    r"|точн\w*|тко|такођер"  # тачно, ко, такође
    r"|упослен\w*|цертификат\w*|онлине|кориштен\w*"  # запослени, сертификат, онлајн, коришћен
    r"|Вијећ\w* Европе"  # Савјет Европе
    r")\b",
    re.IGNORECASE,
)
# Names written only in Latin, transliterated by mistake.
CYRILLIC_IDENTIFIER = re.compile(r"\b(?:ЛАП|ЕЛоГЕ|ЦМ/Рец)\b")
# One word in two scripts ("wеб"): a transliteration gone wrong.
MIXED_SCRIPTS = re.compile(r"\w*(?:[A-Za-z][а-шђјљњћџ]|[а-шђјљњћџ][A-Za-z])\w*", re.IGNORECASE)


def serbian_strings():
    for path, value in strings_by_path(content.strings("sr")).items():
        for text in value if isinstance(value, list) else [value]:
            yield path, TAG.sub(" ", text)


def mistakes(text):
    return [
        found
        for pattern in (NOT_SERBIAN, CYRILLIC_IDENTIFIER, MIXED_SCRIPTS)
        for found in pattern.findall(text)
    ]


def test_the_serbian_demo_has_no_bosnian_forms_and_keeps_latin_names_in_latin():
    found = {path: mistakes(text) for path, text in serbian_strings() if mistakes(text)}
    assert not found


def test_the_serbian_demo_names_latin_identifiers_in_latin():
    text = " ".join(text for _, text in serbian_strings())
    assert {"LAP", "ELoGE", "CM/Rec(2023)5"} <= set(re.findall(r"LAP|ELoGE|CM/Rec\(2023\)5", text))
    assert "општин" in text


@pytest.mark.parametrize(
    "wrong",
    [
        "Опћина Жепче",
        "опћински службеници",
        "уопће",
        "сваке тједан",
        "хиљаду, не тисућу",
        "Вијеће Европе",
        "упосленици",
        "ЛАП-а",
        "ознака ЕЛоГЕ",
        "ЦМ/Рец(2023)5",
        "на wеб-страници",
    ],
)
def test_the_check_catches_bosnian_forms_and_transliterated_names(wrong):
    assert mistakes(wrong)


@pytest.mark.parametrize(
    "right",
    ["Општина Жепче", "уопште", "Савјет Европе", "запослени", "LAP-а", "ознака ELoGE", "кратко"],
)
def test_the_check_passes_serbian(right):
    assert not mistakes(right)
