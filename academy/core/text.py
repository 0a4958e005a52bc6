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
    """Serbian Cyrillic to Serbian Latin ("Жепче" -> "Žepče", "Љубиње" -> "Ljubinje")."""
    return "".join(_CYRILLIC_TO_LATIN.get(char, char) for char in text)


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
