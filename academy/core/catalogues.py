"""Interface strings of the apps we install (Wagtail, wagtail-localize, taggit, Django) in
languages they do not translate, written by `manage.py compile_translations`.

Wagtail ships Croatian (`hr_HR`, 60% of its admin), four Serbian strings (written in Latin
script) and nothing in Bosnian or Serbian Latin; and Python's gettext serves an app's `sr`
catalogue to Serbian Latin where the app has no `sr_Latn` one (Django's own included), so
Serbian Latin pages could show Cyrillic.

For each of our languages `build()` writes one catalogue per domain (`django`, `djangojs`) into
settings.FALLBACK_LOCALE_DIR: every string that Django or an installed app translates into the
language, and where none does, the first translation in the languages of
settings.CATALOGUE_FALLBACK_LANGUAGES (Bosnian: Croatian, then Serbian), always in the language's
script (academy.core.text's converters; placeholders and tags kept). The directory comes last in
LOCALE_PATHS, so our own catalogues win over it and it wins over the apps' own. What no
language translates stays English (Django falls back to LANGUAGE_CODE).
"""

import gettext
import hashlib
import json
import locale
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation import to_locale

from .script import convert_text
from .text import cyrillic_to_latin, latin_to_cyrillic

DOMAINS = ("django", "djangojs")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# What a translation must keep as written: %-placeholders, {placeholders} and HTML tags.
PLACEHOLDER = re.compile(
    r"%(?:\(\w+\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]|\{\w*\}|</?[a-zA-Z][^>]*>"
)
# The code that decides what is written: a change to it rebuilds the catalogues.
_CODE = [Path(__file__), Path(__file__).with_name("text.py"), Path(__file__).with_name("script.py")]


@dataclass(frozen=True)
class Translation:
    """One entry as Django would serve it from a catalogue, with where it came from."""

    msgstr: str
    msgstr_plural: tuple[str, ...]  # in the target language's plural forms; () if not plural
    msgid_plural: str
    language: str


def languages() -> list[str]:
    """Our languages other than the one the source strings are written in."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def build(target: Path, *, force: bool = False) -> bool:
    """Write the catalogues into `target` (`<locale>/LC_MESSAGES/<domain>.po` and `.mo`); False,
    writing nothing, when a stamp says they were written from the same sources by the same code."""
    stamp_path = target / ".stamp"
    stamp = _stamp()
    written = [
        target / to_locale(code) / "LC_MESSAGES" / f"{domain}.mo"
        for code in languages()
        for domain in DOMAINS
    ]
    if (
        not force
        and stamp_path.exists()
        and stamp_path.read_text() == stamp
        and all(path.exists() for path in written)
    ):
        return False
    for code in languages():
        plural_forms = _plural_forms(code)
        for domain in DOMAINS:
            chain = [code, *settings.CATALOGUE_FALLBACK_LANGUAGES.get(code, [])]
            entries = resolve(code, domain, chain, plural_forms)
            _write(target / to_locale(code) / "LC_MESSAGES", domain, code, entries, plural_forms)
    stamp_path.write_text(stamp)
    return True


def resolve(
    code: str, domain: str, chain: list[str], plural_forms: str
) -> dict[tuple[str | None, str], Translation]:
    """Each msgid's translation in the first language of `chain` that has one, in `code`'s
    script and plural forms. Entries whose placeholders the conversion would break are left out."""
    target_plural = _plural_function(plural_forms)
    resolved: dict[tuple[str | None, str], Translation] = {}
    for language in chain:
        for key, (entry, source_plural) in _native(language, domain).items():
            if key in resolved:
                continue
            translation = _translation(entry, source_plural, target_plural, code, language)
            if translation is not None:
                resolved[key] = translation
    return resolved


def _native(language: str, domain: str) -> dict:
    """What Django would serve for `language` from its own and the installed apps' catalogues,
    without the project's: (msgctxt, msgid) -> (entry, its catalogue's plural function). As in
    Django, apps listed first in INSTALLED_APPS win; within an app `hr_HR` wins over `hr`."""
    entries: dict = {}
    for path in _catalogue_files(language, domain):
        catalogue = polib.mofile(str(path))
        plural = _plural_function(catalogue.metadata.get("Plural-Forms", ""))
        for entry in catalogue:
            if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values())):
                entries[(entry.msgctxt, entry.msgid)] = (entry, plural)
    return entries


def _catalogue_files(language: str, domain: str) -> list[Path]:
    """The .mo files Django reads for `language`, the one that wins last. Only the language's own
    directories: `sr` is not read for `sr-latn`, as Python's gettext would."""
    roots = [Path(django.__file__).parent / "conf" / "locale"] if domain == "django" else []
    roots += [Path(config.path) / "locale" for config in reversed(list(apps.get_app_configs()))]
    files = []
    for root in roots:
        for name in reversed(locale_dirs(language)):
            path = root / name / "LC_MESSAGES" / f"{domain}.mo"
            if path.exists():
                files.append(path)
    return files


def locale_dirs(language: str) -> list[str]:
    """Directory names that hold `language`'s catalogues, best first ("hr" -> hr_HR, hr), as
    Python's gettext looks them up; "sr-latn" -> sr_Latn alone."""
    name = to_locale(language)
    regional = re.split(r"[.@]", locale.normalize(name))[0]
    return list(dict.fromkeys([regional, name]))


def _translation(entry, source_plural, target_plural, code, language) -> Translation | None:
    if entry.msgid_plural:
        forms = []
        for n in _representatives(target_plural):
            text = entry.msgstr_plural.get(source_plural(n), "")
            form = in_script(text, code)
            if not text or not _same_placeholders(text, form):
                return None
            forms.append(form)
        return Translation("", tuple(forms), entry.msgid_plural, language)
    text = in_script(entry.msgstr, code)
    if not _same_placeholders(entry.msgstr, text):
        return None
    return Translation(text, (), "", language)


def in_script(text: str, code: str) -> str:
    """`text` in the script `code` is written in: Serbian Cyrillic for "sr", Latin otherwise.
    Into Cyrillic only text with no Cyrillic in it is converted, and acronyms stay Latin ("URL",
    "GB", "IPv4", as Django's Serbian catalogue writes them); placeholders and tags are kept."""
    if code == "sr":
        if CYRILLIC.search(text):
            return text
        # Interface strings are never written in capitals: a word in capitals is an acronym.
        convert = partial(latin_to_cyrillic, in_capitals=False)
    elif CYRILLIC.search(text):
        convert = cyrillic_to_latin
    else:
        return text
    out, position = [], 0
    for match in PLACEHOLDER.finditer(text):
        out += [convert_text(text[position : match.start()], convert), match.group()]
        position = match.end()
    return "".join([*out, convert_text(text[position:], convert)])


def _same_placeholders(before: str, after: str) -> bool:
    return sorted(PLACEHOLDER.findall(before)) == sorted(PLACEHOLDER.findall(after))


def _plural_function(plural_forms: str):
    match = re.search(r"plural\s*=\s*([^;]+)", plural_forms)
    return gettext.c2py(match.group(1)) if match else (lambda n: int(n != 1))


def _representatives(plural):
    """One number for each plural form of `plural` (form i: the smallest n that takes it)."""
    first: dict[int, int] = {}
    for n in range(1000):
        first.setdefault(plural(n), n)
    return [first[form] for form in sorted(first)]


def _plural_forms(code: str) -> str:
    """The Plural-Forms of our own catalogue for the language (Django's if we have none)."""
    for root in [*settings.LOCALE_PATHS[:1], Path(django.__file__).parent / "conf" / "locale"]:
        path = Path(root) / to_locale(code) / "LC_MESSAGES" / "django.po"
        if path.exists():
            return polib.pofile(str(path)).metadata.get("Plural-Forms", "")
    return "nplurals=2; plural=(n != 1);"


def _write(directory: Path, domain: str, code: str, entries: dict, plural_forms: str) -> None:
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.header = (
        f"GENERATED by `manage.py compile_translations` (academy/core/catalogues.py) from the\n"
        f"installed apps' catalogues; entries translated in another language say which.\n"
        f"Do not edit: our own strings are in locale/{to_locale(code)}."
    )
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": to_locale(code),
        "Plural-Forms": plural_forms,
    }
    for (msgctxt, msgid), translation in sorted(
        entries.items(), key=lambda item: (item[0][1], item[0][0] or "")
    ):
        catalogue.append(
            polib.POEntry(
                msgctxt=msgctxt,
                msgid=msgid,
                msgstr=translation.msgstr,
                msgid_plural=translation.msgid_plural,
                msgstr_plural=dict(enumerate(translation.msgstr_plural)),
                tcomment=None if translation.language == code else f"from {translation.language}",
            )
        )
    directory.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(directory / f"{domain}.po"))
    catalogue.save_as_mofile(str(directory / f"{domain}.mo"))


def _stamp() -> str:
    """A digest of everything the catalogues are written from."""
    sources = sorted(
        {
            path
            for code in languages()
            for language in [code, *settings.CATALOGUE_FALLBACK_LANGUAGES.get(code, [])]
            for domain in DOMAINS
            for path in _catalogue_files(language, domain)
        }
    )
    state = {
        "languages": languages(),
        "fallbacks": settings.CATALOGUE_FALLBACK_LANGUAGES,
        "plural_forms": [_plural_forms(code) for code in languages()],
        "protected": list(getattr(settings, "SERBIAN_PROTECTED_TERMS", [])),
        "sources": [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sources],
        "code": [hashlib.sha256(path.read_bytes()).hexdigest() for path in _CODE],
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
