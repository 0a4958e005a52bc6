"""Text helpers for Bosnian, Croatian and Serbian: Cyrillic <-> Latin, and folding for comparison.

Serbian Cyrillic and Latin map one to one (Lj, Nj and Dž are single Cyrillic letters), so the
conversion is a table, not a heuristic; no dependency is needed for it. Into Cyrillic, Latin that
is not Serbian (acronyms, codes, URLs, names such as "ELoGE") is kept in Latin, as Serbian
Cyrillic text writes it.
"""

import re
import unicodedata
from functools import lru_cache

from django.conf import settings

_CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
        [
            # The Latin alphabet in Cyrillic order reads best as a line.
            *"a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split(),  # noqa: SIM905
            *"A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š".split(),  # noqa: SIM905
        ],
        strict=True,
    )
)


def cyrillic_to_latin(text: str) -> str:
    """Serbian Cyrillic to Serbian Latin ("Жепче" -> "Žepče", "Љубиње" -> "Ljubinje"; in words
    written in capitals, "ЉУБИЊЕ" -> "LJUBINJE"). Latin text is kept, and so are URLs and e-mail
    addresses, which may hold Cyrillic (an internationalised domain or path)."""
    kept = {i for match in _URL_OR_EMAIL.finditer(text) for i in range(*match.span())}
    out = []
    for i, char in enumerate(text):
        latin = char if i in kept else _CYRILLIC_TO_LATIN.get(char, char)
        if len(latin) == 2 and char.isupper() and _in_capitals(text, i):
            latin = latin.upper()
        out.append(latin)
    return "".join(out)


def _in_capitals(text: str, i: int) -> bool:
    following = text[i + 1 : i + 2]
    preceding = text[i - 1 : i] if i else ""
    if following.isalpha():
        return following.isupper()
    return preceding.isalpha() and preceding.isupper()


def strip_diacritics(text: str) -> str:
    """ "Žepče" -> "Zepce", "Đurđevac" -> "Djurdjevac" (đ has no decomposition; "dj" is the usual
    spelling without diacritics)."""
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str, *, ignore_diacritics: bool = False, ignore_script: bool = False) -> str:
    """A form for comparing answers: case, surrounding and repeated spaces never matter; script
    and diacritics only when asked, so "Žepče", "zepce" and "Жепче" can be made equal."""
    text = unicodedata.normalize("NFC", " ".join(text.split())).casefold()
    if ignore_script:
        text = cyrillic_to_latin(text)
    if ignore_diacritics:
        text = strip_diacritics(text)
    return text


_LATIN_TO_CYRILLIC = {latin: cyrillic for cyrillic, latin in _CYRILLIC_TO_LATIN.items()}
_DIGRAPHS = {"lj", "nj", "dž", "Lj", "Nj", "Dž", "LJ", "NJ", "DŽ"}
_DIGRAPH_UPPER = {"LJ": "Љ", "NJ": "Њ", "DŽ": "Џ"}

# Latin that is not Serbian Latin and stays Latin in Cyrillic text: names written only in Latin
# (settings.SERBIAN_PROTECTED_TERMS, whole words, case as written), URLs and e-mail addresses,
# codes that mix capitals and digits ("CM2023", "5G"), and acronyms in capitals ("LAP", "EU",
# "PDF", "XXI") in text that is not itself written in capitals.
PROTECTED_TERMS = ("CM/Rec", "ELoGE", "LAP", "Open Badges")
URL_OR_EMAIL = (
    r"\b(?:https?|ftp)://[^\s<>\"']+"
    r"|\bwww\.[^\s<>\"']+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_URL_OR_EMAIL = re.compile(URL_OR_EMAIL)
# Acronyms of Serbian words, which Cyrillic text writes in Cyrillic like any other word.
SERBIAN_ACRONYMS = {"JLS", "NVO", "OCD", "RS", "SAD"}
_SERBIAN_ONLY = re.compile("[ČĆŽŠĐ]|LJ|NJ")


def protected_terms() -> tuple[str, ...]:
    if settings.configured:
        return tuple(getattr(settings, "SERBIAN_PROTECTED_TERMS", PROTECTED_TERMS))
    return PROTECTED_TERMS


@lru_cache(maxsize=8)
def _kept_pattern(terms: tuple[str, ...]) -> re.Pattern:
    """URLs, e-mail addresses and the protected terms (the longest first), or else a word."""
    names = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True) if term)
    name = rf"(?<!\w)(?:{names})(?!\w)" if names else r"(?!)"
    return re.compile(rf"(?P<kept>{URL_OR_EMAIL}|{name})|(?P<word>\w+)")


def _is_identifier(word: str, in_capitals: bool) -> bool:
    """A word that is not Serbian Latin: a code of capitals and digits, or an acronym."""
    if not any(char.isalpha() for char in word) or word in SERBIAN_ACRONYMS:
        return False
    if any(char.isdigit() for char in word):
        return any(char.isupper() for char in word)
    return (
        not in_capitals
        and len(word) >= 2
        and word.isupper()
        and not _SERBIAN_ONLY.search(word)  # "ŠUMA", "LJUBINJE": Serbian words in capitals
    )


def has_no_lowercase(text: str) -> bool:
    """Text written in capitals (a heading, a sign): its words in capitals are words."""
    return not any(char.islower() for char in text)


def latin_to_cyrillic(text: str, *, in_capitals: bool | None = None) -> str:
    """Serbian Latin to Serbian Cyrillic ("Ljubinje" -> "Љубиње", "DŽEMAL" -> "ЏЕМАЛ").

    Lj, Nj and Dž become one letter each. A few words join two letters that only look like a
    digraph ("injekcija", "nadživeti"); they need a human touch, as in every converter.
    Text that is not Serbian Latin is kept as it is: digits, punctuation, other letters, and the
    identifiers above ("LAP", "CM/Rec(2023)5"; "ELoGE" in "ELoGE-a", whose ending is converted).
    `in_capitals` says whether the whole text the piece comes from is written in capitals (by
    default, the piece itself)."""
    if in_capitals is None:
        in_capitals = has_no_lowercase(text)
    out, position = [], 0
    for match in _kept_pattern(protected_terms()).finditer(text):
        if match.group("word") and not _is_identifier(match.group(), in_capitals):
            continue
        out.append(_letters_to_cyrillic(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_letters_to_cyrillic(text[position:]))
    return "".join(out)


def _letters_to_cyrillic(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPH_UPPER.get(pair) or _LATIN_TO_CYRILLIC[pair])
            i += 2
            continue
        out.append(_LATIN_TO_CYRILLIC.get(text[i], text[i]))
        i += 1
    return "".join(out)
