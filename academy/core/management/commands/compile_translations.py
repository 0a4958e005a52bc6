"""Compile every .po file under LOCALE_PATHS and the project's apps into .mo files.

Django's compilemessages needs GNU gettext installed; this needs only Python (polib), so
`make run` works on a machine with nothing but Python.

Serbian Latin is never translated by hand: `sr_Latn/django.po` is regenerated from the Cyrillic
`sr/django.po` by transliteration before anything is compiled, so the two scripts cannot drift.

Then the catalogues for Wagtail's and the other apps' strings in languages they do not translate
(academy/core/catalogues.py) are written into settings.FALLBACK_LOCALE_DIR, unless their sources
are unchanged since the last run.
"""

import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from academy.core import catalogues
from academy.core.text import cyrillic_to_latin

PROJECT_DIRS = ["academy", "courses", "quizzes", "certificates"]
CATALOGUE = Path("LC_MESSAGES") / "django.po"


class Command(BaseCommand):
    help = (
        "Regenerate the Serbian Latin catalogue from the Cyrillic one, then compile the "
        "project's .po translation files to .mo (no gettext needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Rewrite the fallback catalogues even when their sources are unchanged.",
        )

    def handle(self, *args, **options):
        fallback = Path(settings.FALLBACK_LOCALE_DIR)
        roots = [Path(p) for p in settings.LOCALE_PATHS if Path(p) != fallback]
        for root in roots:
            if (root / "sr" / CATALOGUE).exists():
                write_serbian_latin(root)
                self.stdout.write(f"Generated {root / 'sr_Latn' / CATALOGUE} from sr.")
        roots += [settings.BASE_DIR / name for name in PROJECT_DIRS]
        compiled = 0
        for root in roots:
            for po_path in sorted(root.rglob("*.po")) if root.exists() else []:
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} translation file(s).")
        if fallback not in [Path(p) for p in settings.LOCALE_PATHS]:
            return  # nothing would read them
        if catalogues.build(fallback, force=options["force"]):
            self.stdout.write(
                f"Wrote the apps' strings for {', '.join(catalogues.languages())} into {fallback}."
            )
        else:
            self.stdout.write(f"The apps' strings in {fallback} are up to date.")


def write_serbian_latin(locale_root: Path) -> Path:
    """Write `<locale_root>/sr_Latn/LC_MESSAGES/django.po`: the `sr` catalogue with every
    translation in Latin script. Entries, flags (fuzzy stays fuzzy) and plural forms are kept."""
    catalogue = polib.pofile(str(locale_root / "sr" / CATALOGUE))
    for entry in catalogue:
        if entry.msgstr:
            entry.msgstr = serbian_latin(entry.msgstr, source=entry.msgid)
        for form, text in entry.msgstr_plural.items():
            entry.msgstr_plural[form] = serbian_latin(
                text, source=f"{entry.msgid} {entry.msgid_plural}"
            )
    catalogue.header = (
        "Serbian (Latin) translation of LAP Academy, GENERATED from\n"
        "../../sr/LC_MESSAGES/django.po by `manage.py compile_translations`.\n"
        "Do not edit: edit the Cyrillic catalogue."
    )
    catalogue.metadata.update({"Language": "sr_Latn", "Language-Team": "Serbian (Latin)"})
    target = locale_root / "sr_Latn" / CATALOGUE
    target.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(target))
    return target


def serbian_latin(translation: str, *, source: str = "") -> str:
    """A Serbian Cyrillic translation in Latin script. Placeholders (`%(name)s`, `{learner}`) and
    HTML tags are ASCII, so transliteration leaves them alone. Cyrillic words the English
    `source` itself quotes are examples of Cyrillic ("Жепче" matches "Žepče") and stay so."""
    examples = [word for word in re.findall(r"\w+", source) if cyrillic_to_latin(word) != word]
    if not examples:
        return cyrillic_to_latin(translation)
    kept = re.compile("|".join(rf"\b{re.escape(word)}\b" for word in examples))
    parts, start = [], 0
    for match in kept.finditer(translation):
        parts += [cyrillic_to_latin(translation[start : match.start()]), match.group()]
        start = match.end()
    return "".join([*parts, cyrillic_to_latin(translation[start:])])
