"""Every string the interface can show is translated in bs, hr, sr and sr_Latn, and every
translation keeps the placeholders and HTML tags of its English original.

The msgids are extracted afresh from a temporary copy of the source (the same
`makemessages` call as `make messages`), so a string added to the code but never extracted
fails here too, and the working tree is never touched.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

LANGUAGES = ["bs", "hr", "sr", "sr_Latn"]

# The same flags as the `messages` target in the Makefile.
MAKEMESSAGES_FLAGS = [
    "--no-location",
    "--ignore=.venv/*",
    "--ignore=tests/*",
    "--ignore=benchmarks/*",
]
# Not source, or the catalogues themselves: the copy leaves them out.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "locale", "media", "staticfiles", "sent-emails", "node_modules",
    "__pycache__", ".pytest_cache", ".ruff_cache", "*.egg-info", "*.sqlite3*", "*.mo",
)  # fmt: skip
GETTEXT_TOOLS = ("xgettext", "msguniq", "msgmerge")

PYTHON_FORMAT = re.compile(r"%(?:\((\w+)\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?([diouxXeEfFgGcrsa%])")
BRACE_PLACEHOLDER = re.compile(r"\{\w*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue(language):
    return polib.pofile(str(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))


def copy_source(destination):
    shutil.copytree(BASE_DIR, destination, ignore=NOT_COPIED)
    return destination


def extract_msgids(project):
    """The msgids `make messages` would extract from the source tree at `project`.

    makemessages writes next to the first locale directory it finds, so it runs in the
    copy with LOCALE_PATHS pointed into the copy, and only the template (.pot) is read.
    """
    missing = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("GETTEXT_REQUIRED"):  # set by .ci/run: CI must check, not skip
            pytest.fail(f"GNU gettext is required here: {', '.join(missing)} not found")
        pytest.skip(
            f"GNU gettext is not installed ({', '.join(missing)} not found): cannot extract "
            "the source's msgids to check the catalogues are complete. Install gettext "
            "(apt-get install gettext) to run this check."
        )
    locale_dir = project / "locale"
    (project / "extract_settings.py").write_text(
        f"from academy.settings.base import *  # noqa\nLOCALE_PATHS = [{str(locale_dir)!r}]\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "bs",
            "--keep-pot",
            *MAKEMESSAGES_FLAGS,
        ],
        cwd=project,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "extract_settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return polib.pofile(str(locale_dir / "django.pot"))


def untranslated(template, po):
    """The source msgids `po` does not translate, each with why, for a readable failure."""
    by_key = {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", po.metadata["Plural-Forms"]).group(1))
    problems = []
    for source in template:
        entry = by_key.get((source.msgctxt, source.msgid))
        if entry is None:
            problems.append((source.msgid, "not in the catalogue (run `make messages`)"))
        elif entry.fuzzy:
            problems.append((source.msgid, "marked fuzzy"))
        elif entry.msgid_plural != source.msgid_plural:
            problems.append((source.msgid, "plural msgid changed (run `make messages`)"))
        elif source.msgid_plural and len(entry.msgstr_plural) != nplurals:
            problems.append((source.msgid, f"has {len(entry.msgstr_plural)} of {nplurals} forms"))
        elif not entry.translated():
            problems.append((source.msgid, "not translated"))
    return problems


def placeholders(text, python_format):
    """What a translation must keep of its original: named and positional %-placeholders
    (when the string is %-formatted), {braces} and HTML tags."""
    found = {
        "braces": sorted(BRACE_PLACEHOLDER.findall(text)),
        "tags": sorted(HTML_TAG.findall(text)),
    }
    if python_format:
        specs = [m for m in PYTHON_FORMAT.finditer(text) if m.group(2) != "%"]
        found["named"] = sorted({m.group(0) for m in specs if m.group(1)})
        found["positional"] = [m.group(0) for m in specs if not m.group(1)]
        # A lone "%" (say "40%" instead of "40%%") breaks formatting at run time.
        found["stray %"] = PYTHON_FORMAT.sub("", text).count("%")
    return found


def placeholder_mismatches(po):
    mismatches = []
    for entry in po:
        if entry.obsolete:
            continue
        python_format = "python-format" in entry.flags
        if entry.msgid_plural:
            # Every form must work for every count it serves (msgfmt's rule as well).
            pairs = [(entry.msgid_plural, form) for form in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for original, translation in pairs:
            if not translation:
                continue
            expected = placeholders(original, python_format)
            actual = placeholders(translation, python_format)
            if actual != expected:
                mismatches.append((entry.msgid, translation, expected, actual))
    return mismatches


@pytest.fixture(scope="module")
def source_template(tmp_path_factory):
    return extract_msgids(copy_source(tmp_path_factory.mktemp("source") / "project"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_string_is_translated(source_template, language):
    assert len(source_template) > 500, "extraction found suspiciously few strings"
    problems = untranslated(source_template, catalogue(language))
    assert not problems, f"{len(problems)} strings untranslated in {language}:\n" + "\n".join(
        f"  {msgid!r}: {why}" for msgid, why in problems
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_tags(language):
    mismatches = placeholder_mismatches(catalogue(language))
    assert not mismatches, "\n".join(
        f"{msgid!r}\n  -> {translation!r}\n  expected {expected}, found {actual}"
        for msgid, translation, expected, actual in mismatches
    )


def test_a_string_added_to_the_code_but_never_extracted_is_reported(tmp_path):
    project = copy_source(tmp_path / "project")
    new_string = "A sentence nobody has extracted or translated yet."
    (project / "courses" / "i18n_probe.py").write_text(
        f"from django.utils.translation import gettext\n\nPROBE = gettext({new_string!r})\n"
    )

    problems = untranslated(extract_msgids(project), catalogue("bs"))

    assert (new_string, "not in the catalogue (run `make messages`)") in problems


def test_a_broken_placeholder_is_reported():
    po = polib.POFile()
    po.append(
        polib.POEntry(
            msgid="Dear %(name)s, you scored 40%%.",
            msgstr="Poštovani %(ime)s, osvojili ste 40%.",
            flags=["python-format"],
        )
    )
    po.append(polib.POEntry(msgid="Hello {learner}", msgstr="Zdravo {polaznik}"))
    po.append(polib.POEntry(msgid="<strong>Correct</strong>", msgstr="<b>Tačno</b>"))

    assert [msgid for msgid, *_ in placeholder_mismatches(po)] == [
        "Dear %(name)s, you scored 40%%.",
        "Hello {learner}",
        "<strong>Correct</strong>",
    ]
