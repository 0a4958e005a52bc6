"""`make run PORT=...` serves on that port, and the links in its emails lead there too."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_run_on_another_port_puts_that_port_in_email_links():
    environment = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    planned = subprocess.run(
        ["make", "-n", "run", "PORT=8201"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    serve = next(line for line in planned.splitlines() if "runserver" in line)
    base_url = re.match(r"(WAGTAILADMIN_BASE_URL=\S+) ", serve).group(1)

    # The settings the server starts with, with the environment that line gives it.
    shown = subprocess.run(
        ["bash", "-c", f"{base_url} {sys.executable} -c '{READ_SETTING}'"],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "academy.settings.dev"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    assert "runserver 127.0.0.1:8201" in serve
    assert shown == "http://127.0.0.1:8201"


READ_SETTING = "import django; django.setup(); from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"  # noqa: E501
