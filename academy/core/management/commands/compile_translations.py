"""Compile every .po file under LOCALE_PATHS and the project's apps into .mo files.

Django's compilemessages needs GNU gettext installed; this needs only Python (polib), so
`make run` works on a machine with nothing but Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

PROJECT_DIRS = ["academy", "courses", "quizzes", "certificates"]


class Command(BaseCommand):
    help = "Compile the project's .po translation files to .mo (no gettext needed)."

    def handle(self, *args, **options):
        roots = [Path(p) for p in settings.LOCALE_PATHS]
        roots += [settings.BASE_DIR / name for name in PROJECT_DIRS]
        compiled = 0
        for root in roots:
            for po_path in sorted(root.rglob("*.po")) if root.exists() else []:
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} translation file(s).")
