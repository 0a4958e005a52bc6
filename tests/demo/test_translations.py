"""The demo's content files: structure.toml once, and per language a file of strings only.

Every language file is keyed like the English one (page slug, then the string's path in the page),
so a translator can change text but never a slug, a block type, a flag, a point or a principle
number: those live only in structure.toml. The text checks are heuristics: prose must be
translated, rich text must keep its tags in order, and no English sentence or mojibake may slip in.
"""

import re

import pytest

from demo import content

# Keys of a language file that are not page slugs.
# "principle_texts": the principles' summaries and outcome statements; "eloge": the survey's
# introduction.
SNIPPETS = {"principles", "principle_texts", "certificate_template", "eloge"}
# The English slugs of the home page, the catalogue and the ELoGE label holders page.
SITE_PAGES = {"home", "courses", "eloge-label"}

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
# Serbian is written in Cyrillic: Latin letters only in tags, placeholders and names.
LATIN_WORD = re.compile(r"[A-Za-zčćžšđČĆŽŠĐ]{2,}")
NOTHING = re.compile(r"(?!)")
STANDARD = {"bs": NOT_BOSNIAN, "hr": NOT_CROATIAN, "sr": NOTHING}


def strings_by_path(table, path=""):
    """{path: string} for every string of a language file's table; a list of strings (accepted
    answers, learning outcomes) is one value. Fails on anything that is not a string."""
    found = {}
    for key, value in table.items():
        here = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            found |= strings_by_path(value, here)
        elif isinstance(value, list):
            assert value and all(isinstance(item, str) for item in value), f"{here}: {value!r}"
            found[here] = value
        else:
            assert isinstance(value, str), f"{here}: {value!r} is not a string"
            found[here] = value
    return found


def page_slugs():
    course = content.structure()["course"]
    slugs = [course["slug"]]
    for module in course["modules"]:
        slugs += [module["slug"], *(lesson["slug"] for lesson in module["lessons"])]
        slugs.append(module["quiz"]["slug"])
    return slugs


def test_english_has_strings_for_every_page_of_the_structure_and_nothing_else():
    assert set(content.strings("en")) == set(page_slugs())


@pytest.mark.parametrize("language", ["en", *content.translations()])
def test_a_language_file_holds_only_strings_at_paths_the_english_file_has(language):
    english = content.strings("en")
    for key, table in content.strings(language).items():
        if key in SNIPPETS or key in SITE_PAGES:
            strings_by_path(table)
            continue
        assert key in english, f"{language}: {key!r} is not a page of the demo"
        # A translated page has every string the English one has, and no other (tags are
        # English only: a translation keeps the English page's tags).
        expected = strings_by_path(english[key]).keys()
        if language != "en":
            expected -= {"tags"}
        assert strings_by_path(table).keys() == expected


@pytest.mark.parametrize("language", content.translations())
def test_every_page_has_strings_in_a_complete_language_and_a_partial_one_says_so(language):
    written = set(content.strings(language)) - SNIPPETS - SITE_PAGES
    course = content.structure()["course"]
    assert set(content.strings(language)) >= SITE_PAGES
    assert course["slug"] in written
    if content.structure()["languages"][language] == "complete":
        assert written == set(page_slugs())
    else:
        # Partial: whole modules, so that each translated page's parent is translated too.
        assert content.structure()["languages"][language] == "partial"
        for module in course["modules"]:
            pages = {module["slug"], module["quiz"]["slug"]}
            pages |= {lesson["slug"] for lesson in module["lessons"]}
            assert pages <= written or not pages & written, module["slug"]


def test_the_structure_and_the_strings_merge_into_every_block_and_question():
    course = content.structure()["course"]
    for language in ("en", *content.translations()):
        pages = content.pages(language)
        for module in course["modules"]:
            for lesson in module["lessons"]:
                if lesson["slug"] in pages:
                    body = pages[lesson["slug"]]["body"]
                    assert [block["type"] for block in body] == [b["type"] for b in lesson["body"]]
            quiz = module["quiz"]
            if quiz["slug"] in pages:
                keys = [question["key"] for question in pages[quiz["slug"]]["questions"]]
                assert [key["type"] for key in keys] == [
                    q["key"]["type"] for q in quiz["questions"]
                ]


def check_strings(english, translated, language):
    assert english.keys() == translated.keys()
    for path, en in english.items():
        tr = translated[path]
        if isinstance(en, list):
            en, tr = " ".join(en), " ".join(tr)
        assert bool(tr.strip()) == bool(en.strip()), f"{path}: filled in or left empty"
        assert TAG.findall(tr) == TAG.findall(en), f"{path}: rich text tags differ"
        assert {t.strip("</>") for t in TAG.findall(tr)} <= ALLOWED_TAGS, path
        assert not MOJIBAKE.search(tr), f"{path}: mojibake in {tr!r}"
        assert not ENGLISH.findall(TAG.sub(" ", tr)), f"{path}: English left in {tr!r}"
        assert not STANDARD[language].search(TAG.sub(" ", tr)), f"{path}: wrong standard: {tr!r}"
        if language == "sr" and not path.endswith(".accepted"):
            latin = set(LATIN_WORD.findall(TAG.sub(" ", tr))) - NAMES - {"CM", "Rec"}
            assert not latin, f"{path}: Latin {latin} in {tr!r}"
        if set(WORD.findall(TAG.sub(" ", en))) - NAMES:
            assert tr != en, f"{path}: not translated: {en!r}"


@pytest.mark.parametrize("language", content.translations())
def test_the_translated_strings_are_translated_text_in_the_right_standard(language):
    english = content.strings("en")
    compared = 0
    for slug, table in content.strings(language).items():
        if slug in english:
            en = strings_by_path(english[slug])
            en.pop("tags", None)
            check_strings(en, strings_by_path(table), language)
            compared += 1
    assert compared


def test_the_checks_catch_structure_in_a_strings_file_an_untranslated_text_and_a_lost_tag():
    with pytest.raises(AssertionError, match="not a string"):
        strings_by_path({"questions": {"0": {"points": 2}}})
    with pytest.raises(AssertionError, match="is_correct"):
        strings_by_path({"questions": {"0": {"choices": [{"is_correct": True}]}}})
    quiz = strings_by_path(content.strings("en")["quiz-good-local-governance"])
    with pytest.raises(AssertionError, match="not translated"):
        check_strings({"title": quiz["title"]}, {"title": quiz["title"]}, "bs")
    with pytest.raises(AssertionError, match="tags differ"):
        check_strings({"intro": quiz["intro"]}, {"intro": "Tri pitanja o principima."}, "bs")
    with pytest.raises(AssertionError, match="English left"):
        check_strings({"t": "The 2023 revision"}, {"t": "Revizija iz 2023. and more"}, "bs")
    with pytest.raises(AssertionError, match="mojibake"):
        check_strings({"t": "Principles"}, {"t": "Principi u praksi: Å¾"}, "bs")
    with pytest.raises(AssertionError, match="Latin"):
        check_strings({"t": "Principles"}, {"t": "Принципи i prakse"}, "sr")


@pytest.mark.parametrize("language", content.translations())
def test_every_principle_s_summary_and_outcome_statements_are_written_in_each_language(language):
    """The self-assessment matrix and the surveys read them: in a language without them, a
    respondent would meet English."""
    texts = content.strings(language)["principle_texts"]

    assert set(texts) == {str(number) for number in range(1, 13)}
    for number, fields in texts.items():
        assert set(fields) == {"summary", "outcome_1", "outcome_2", "outcome_3"}, number
        for path, text in fields.items():
            assert text.strip(), f"{number}.{path} is empty"
            assert not ENGLISH.findall(text), f"{number}.{path}: English left in {text!r}"
            assert not STANDARD[language].search(text), f"{number}.{path}: wrong standard"
