"""The browser suite: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright's own browser downloads are not used: the browser is `E2E_CHROMIUM` or
/usr/bin/chromium (`make test` installs it where it can). Without one the suite is skipped with
a loud reason, or fails when E2E_REQUIRED=1 (CI). Screenshots go to a temporary folder, or to
docs/screenshots with E2E_SCREENSHOTS=1 (the set the README points reviewers to)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections

from certificates.models import CertificateTemplate, CourseCertificateRule
from courses.services import enrollment_create
from tests.e2e.browser import CHROMIUM, VIEWPORTS, launch_chromium
from tests.factories import PASSWORD, UserFactory, add_quiz, make_course, single_choice

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
_missing_browser = []
# Generous: the machine has 2 cores shared with other test runs. Passing tests do not wait it out.
TIMEOUT_MS = 15_000

try:
    import playwright  # noqa: F401
except ImportError:
    if os.environ.get("E2E_REQUIRED") == "1":
        raise
    _missing_browser.append("BROWSER SUITE NOT RUN: the playwright package is missing")
    collect_ignore_glob = ["test_*.py"]


def _no_browser(reason):
    reason = f"BROWSER SUITE NOT RUN: {reason}"
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"{reason} (E2E_REQUIRED=1: the browser suite must run here)", pytrace=False)
    _missing_browser.append(reason)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """Chromium for the tests of this folder only: closed after them, so that the rest of the
    suite runs without Playwright's event loop and with Django's async-safety checks."""
    if not os.access(CHROMIUM, os.X_OK):
        _no_browser(
            f"no Chromium at {CHROMIUM}; run `make test` as root with apt-get, "
            "`apt-get install chromium`, or set E2E_CHROMIUM"
        )
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)

    # Playwright's sync API runs an event loop in the test thread; Django would then refuse the
    # ORM calls that tests and fixtures make in that thread. Nothing here is really asynchronous.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        playwright = sync_playwright().start()
        # With an event loop running, Django keeps a second set of connections for this
        # "async" context. Give them the data the migrations made, which transactional tests
        # restore after each flush (serialized_rollback).
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        try:
            browser = launch_chromium(playwright)
        except Exception as error:  # a broken or incompatible browser build
            playwright.stop()
            _no_browser(f"Chromium at {CHROMIUM} did not start: {error}")
        yield browser
        browser.close()
        connections.close_all()
        playwright.stop()


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`make test`, CI), one worker runs the whole browser suite: one
    Chromium, started once, while the other workers run the rest."""
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_terminal_summary(terminalreporter):
    if _missing_browser:
        terminalreporter.section("BROWSER SUITE SKIPPED", sep="!", red=True, bold=True)
        terminalreporter.line(_missing_browser[0], red=True, bold=True)


@pytest.fixture
def site_url(live_server, settings):
    """The live server's address, also used in emails and certificate QR codes."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server.url


@pytest.fixture
def new_context(browser, site_url):
    """Make a fresh browser (no cookies) at a viewport: a person on another device."""
    contexts = []

    def make(viewport="desktop", locale="en-GB"):
        context = browser.new_context(
            base_url=site_url,
            viewport=VIEWPORTS[viewport],
            is_mobile=viewport == "phone",
            has_touch=viewport == "phone",
            locale=locale,
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def page(new_context, viewport):
    return new_context(viewport).new_page()


@pytest.fixture
def screenshot(tmp_path):
    """Save the visible screen as <journey>-<viewport>-<step>.png, named by the page's own
    viewport (staff pages are always at a desktop, whatever the learner's device)."""
    folder = SCREENSHOTS if os.environ.get("E2E_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    names = {size["width"]: name for name, size in VIEWPORTS.items()}

    def take(page, journey, step):
        path = folder / f"{journey}-{names[page.viewport_size['width']]}-{step}.png"
        page.screenshot(path=path, animations="disabled")
        return path

    return take


@pytest.fixture
def lap_course(db):
    """The LAP course, small: two modules of two lessons; module 1 ends with a quiz that
    needs every answer right and a minute's wait between attempts."""
    course = make_course(title="LAP Stage 1: Leading a municipality", modules=2)
    module_1 = course.get_children().first().specific
    add_quiz(
        module_1,
        title="Check your understanding",
        questions=[single_choice()],
        pass_mark=100,
        wait_minutes=1,
        review_policy="after_passing",
    )
    return course


@pytest.fixture
def certified_course(db):
    """A one-module course of two lessons that awards a certificate on completion."""
    course = make_course(title="Good Local Governance", modules=1, estimated_hours=12)
    CourseCertificateRule.objects.create(
        course=course,
        template=CertificateTemplate.objects.get(title="Certificate of Completion"),
        issuance="automatic",
    )
    return course


@pytest.fixture
def learner(db):
    return UserFactory(email="amra@lap.example", full_name="Amra Hodžić")


@pytest.fixture
def enrolled_learner(learner, lap_course):
    enrollment_create(learner=learner, course=lap_course)
    return learner


@pytest.fixture
def log_in():
    """Log in through the login form with the keyboard, then go on to `next_path`."""
    from tests.e2e.keyboard import type_into

    def log_in(page, user, next_path="/en/my-learning/"):
        page.goto(f"/en/accounts/login/?next={next_path}")
        type_into(page, page.locator("#id_username"), user.email)
        type_into(page, page.locator("#id_password"), PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: urlsplit(url).path == next_path)

    return log_in


@pytest.fixture
def admin_log_in():
    """Log in to the Wagtail admin (staff work at a desktop)."""

    def admin_log_in(page, user):
        page.goto("/admin/login/")
        page.locator("#id_username").fill(user.email)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("#id_password").press("Enter")
        page.wait_for_url(lambda url: urlsplit(url).path == "/admin/")

    return admin_log_in
