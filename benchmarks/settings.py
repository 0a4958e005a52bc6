"""Benchmark server: the production settings plus one minimal view (benchmarks/urls.py), so the
pages and the minimal view are measured side by side on the same gunicorn."""

import os

from academy.settings.production import *  # noqa: F403
from academy.settings.production import BASE_DIR, TEMPLATES

ROOT_URLCONF = "benchmarks.urls"

if os.environ.get("BENCH_PLAIN_LANGUAGE_LINKS"):
    # Measure anonymous pages as they will be once the language switcher is plain links (no
    # CSRF token, so the page cache can store them): benchmarks/templates goes first.
    TEMPLATES = [
        {**TEMPLATES[0], "DIRS": [BASE_DIR / "benchmarks" / "templates", *TEMPLATES[0]["DIRS"]]}
    ]
