"""The translated demo course matches the English one shape for shape.

`load_demo` reads a translation in place of `academy.demo.content` and `quiz_content`, so every
key, slug, block type, list length, correctness flag, point and principle number must be the
same; only the human-readable text may differ. The text checks are heuristics: prose must be
translated, rich text must keep its tags in order, and no English sentence or mojibake may slip in.
"""

import re

import pytest

from academy.demo import content, quiz_content
from academy.demo.translations import bs, hr

# Values under these keys are identifiers or settings, never shown as prose.
CODE_KEYS = {"slug", "type", "level", "tone", "answer", "review_policy"}
# Wagtail writes a block "id" into raw StreamField data it is given, so once `load_demo` has run in
# this process the English (or translated) bodies carry ids: not content, and not compared.
BLOCK_ID = "id"

TAG = re.compile(r"</?[a-z0-9]+>")
ALLOWED_TAGS = {"p", "b", "i", "ul", "ol", "li", "h3"}
# An English word of three letters or more marks a string as prose, unless it is a name kept in
# every language: a municipality, an acronym, the recommendation "CM/Rec(2023)5".
WORD = re.compile(r"\b[A-Za-z]{3,}\b")
NAMES = {"ELoGE", "LAP", "Rec", "Jablanica", "Prijedor", "Maglaj", "Trebinje", "Mostar"}
# English function words that are not also Bosnian or Croatian words.
ENGLISH = re.compile(
    r"\b(the|and|of|with|that|which|is|are|for|from|this|will|should|their|your|you|"
    r"what|when|how|not|into|about)\b",
    re.IGNORECASE,
)
# Typical traces of UTF-8 read as Latin-1 or cp1250 (Ä‡ for ć, Å¡ for š) and lost characters.
MOJIBAKE = re.compile("[ÃÂÅÄ\ufffd]|â€")
# Words that give the other standard away: a Bosnian text with Croatian "tjedan", or the reverse.
NOT_BOSNIAN = re.compile(r"\b(tjed[a-z]*|tisuć[a-z]*|povijes[a-z]*|razin[a-z]*)\b", re.I)
NOT_CROATIAN = re.compile(
    r"\b(sedmic[a-z]*|hiljad[a-z]*|histori[a-z]*|nivo[a-z]*|učešć[a-z]*|saradnj[a-z]*|"
    r"opštin[a-z]*|Evrop[a-z]*|finansij[a-z]*)\b",
    re.I,
)


def pairs(english, translated, path="$"):
    """Walk both structures together; yield (path, english, translated) for every string leaf
    that a translator may change, and fail at the first difference in shape or data."""
    assert type(translated) is type(english), f"{path}: {type(translated)} != {type(english)}"
    if isinstance(english, dict):
        keys = english.keys() - {BLOCK_ID}
        assert translated.keys() - {BLOCK_ID} == keys, f"{path}: keys differ"
        for key, value in english.items():
            if key == BLOCK_ID:
                continue
            if key in CODE_KEYS:
                assert translated[key] == value, f"{path}.{key}: {translated[key]!r} != {value!r}"
            else:
                yield from pairs(value, translated[key], f"{path}.{key}")
    elif path.endswith(".accepted"):
        # Accepted short answers may add alternatives (an English one, a spelling variant).
        assert translated and all(isinstance(answer, str) for answer in translated), path
        for index, answer in enumerate(translated):
            yield f"{path}[{index}]", english[min(index, len(english) - 1)], answer
    elif isinstance(english, list | tuple):
        assert len(translated) == len(english), f"{path}: {len(translated)} != {len(english)}"
        for index, (a, b) in enumerate(zip(english, translated, strict=True)):
            yield from pairs(a, b, f"{path}[{index}]")
    elif isinstance(english, str):
        yield path, english, translated
    else:
        # Numbers, booleans, None: points, principles, minutes, is_correct, partial_credit.
        assert translated == english, f"{path}: {translated!r} != {english!r}"


def text_of(html):
    return TAG.sub(" ", html)


def check_strings(english, translated, not_this_standard):
    strings = list(pairs(english, translated))
    assert strings, "nothing was compared"
    for path, en, tr in strings:
        assert bool(tr.strip()) == bool(en.strip()), f"{path}: filled in or left empty"
        assert TAG.findall(tr) == TAG.findall(en), f"{path}: rich text tags differ"
        assert {t.strip("</>") for t in TAG.findall(tr)} <= ALLOWED_TAGS, path
        assert not MOJIBAKE.search(tr), f"{path}: mojibake in {tr!r}"
        assert not ENGLISH.findall(text_of(tr)), f"{path}: English left in {tr!r}"
        assert not not_this_standard.search(text_of(tr)), f"{path}: wrong standard in {tr!r}"
        if set(WORD.findall(text_of(en))) - NAMES:
            assert tr != en, f"{path}: not translated: {en!r}"
    return strings


@pytest.mark.parametrize(
    ("translation", "not_this_standard"),
    [(bs, NOT_BOSNIAN), (hr, NOT_CROATIAN)],
    ids=["bs", "hr"],
)
def test_the_translation_has_the_english_shape_with_translated_text(translation, not_this_standard):
    # Compared with as many English modules as it translates (see the coverage test below).
    modules = len(translation.COURSE["modules"])
    english_course = {**content.COURSE, "modules": content.COURSE["modules"][:modules]}
    slugs = [module["slug"] for module in english_course["modules"]]
    english_quizzes = {slug: quiz_content.QUIZZES[slug] for slug in slugs}

    check_strings(english_course, translation.COURSE, not_this_standard)
    check_strings(english_quizzes, translation.QUIZZES, not_this_standard)


def test_the_shape_check_catches_a_changed_flag_an_untranslated_text_and_a_lost_tag():
    quiz = quiz_content.QUIZZES["good-local-governance"]
    flipped = quiz_content.single(
        ("9", False, "Tačno."), ("2", True, ""), ("6", False, ""), ("12", False, "")
    )
    with pytest.raises(AssertionError, match="is_correct"):
        list(pairs(quiz["questions"][2][3], flipped))
    with pytest.raises(AssertionError, match="not translated"):
        check_strings(quiz["title"], quiz["title"], NOT_BOSNIAN)
    with pytest.raises(AssertionError, match="tags differ"):
        check_strings(quiz["intro"], "Tri pitanja o porijeklu 12 principa.", NOT_BOSNIAN)
    with pytest.raises(AssertionError, match="English left"):
        check_strings("The 2023 revision", "Revizija iz 2023. and more", NOT_BOSNIAN)
    with pytest.raises(AssertionError, match="mojibake"):
        check_strings("Principles", "Principi u praksi: Å¾", NOT_BOSNIAN)


def test_bosnian_covers_the_whole_course_and_croatian_its_first_module():
    english = [module["slug"] for module in content.COURSE["modules"]]

    assert [module["slug"] for module in bs.COURSE["modules"]] == english
    assert list(bs.QUIZZES) == english
    assert [module["slug"] for module in hr.COURSE["modules"]] == english[:1]
    assert list(hr.QUIZZES) == english[:1]
