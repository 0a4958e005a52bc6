"""Serbian Cyrillic and Latin convert one to one, digraphs included; comparison folding."""

import pytest

from academy.core.text import cyrillic_to_latin, fold, latin_to_cyrillic, strip_diacritics

SENTENCES = [
    (
        "Општина Жепче је добила европски знак изврсности.",
        "Opština Žepče je dobila evropski znak izvrsnosti.",
    ),
    (
        "Љубиње, Његош и Џевад чекају ћевапе и ђувеч.",
        "Ljubinje, Njegoš i Dževad čekaju ćevape i đuveč.",
    ),
    (
        "ЉУБИЊЕ ЊЕГОШ ЏЕВАД ЋЕВАП ЂУРЂЕВДАН ШУМА ЖАБА ЧАША",
        "LJUBINJE NJEGOŠ DŽEVAD ĆEVAP ĐURĐEVDAN ŠUMA ŽABA ČAŠA",
    ),
    (
        "Принцип 9: Одговорност према грађанима, 2023.",
        "Princip 9: Odgovornost prema građanima, 2023.",
    ),
]


@pytest.mark.parametrize(("cyrillic", "latin"), SENTENCES)
def test_sentences_convert_both_ways_and_round_trip(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin
    assert latin_to_cyrillic(latin) == cyrillic
    assert latin_to_cyrillic(cyrillic_to_latin(cyrillic)) == cyrillic


def test_every_letter_of_both_alphabets_round_trips():
    azbuka = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
    for text in (azbuka, azbuka.lower()):
        assert latin_to_cyrillic(cyrillic_to_latin(text)) == text


def test_title_case_digraphs_become_one_letter():
    assert latin_to_cyrillic("Ljiljana Njegovan Džafić") == "Љиљана Његован Џафић"


def test_digits_and_punctuation_are_kept():
    assert latin_to_cyrillic("2023, 12 principa!") == "2023, 12 принципа!"


def test_diacritics_fold_to_the_usual_ascii_spelling():
    assert strip_diacritics("Đurđevdan u Žepču") == "Djurdjevdan u Zepcu"


@pytest.mark.parametrize("typed", ["Žepče", "zepce", "ZEPCE", "  Жепче ", "ŽEPČE"])
def test_answers_compare_equal_across_case_script_and_diacritics(typed):
    assert fold(typed, ignore_diacritics=True, ignore_script=True) == "zepce"


def test_without_the_options_script_and_diacritics_matter():
    assert fold("Жепче") != fold("Žepče")
    assert fold("Zepce") != fold("Žepče")
    assert fold("  ŽEPČE ") == fold("Žepče")
