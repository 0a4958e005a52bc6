"""Benchmark server: the production settings plus one minimal view (benchmarks/urls.py), so the
pages and the minimal view are measured side by side on the same gunicorn."""

from academy.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
