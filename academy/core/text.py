"""Text helpers for Bosnian, Croatian and Serbian: Cyrillic <-> Latin, and folding for comparison.

Serbian Cyrillic and Latin map one to one (Lj, Nj and Dž are single Cyrillic letters), so the
conversion is a table, not a heuristic; no dependency is needed for it.
"""

import unicodedata

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
    written in capitals, "ЉУБИЊЕ" -> "LJUBINJE")."""
    out = []
    for i, char in enumerate(text):
        latin = _CYRILLIC_TO_LATIN.get(char, char)
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


def latin_to_cyrillic(text: str) -> str:
    """Serbian Latin to Serbian Cyrillic ("Ljubinje" -> "Љубиње", "DŽEMAL" -> "ЏЕМАЛ").

    Lj, Nj and Dž become one letter each. A few words join two letters that only look like a
    digraph ("injekcija", "nadživeti"); they need a human touch, as in every converter.
    Text that is not Serbian Latin (digits, punctuation, other letters) is kept as it is."""
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
