"""Page weight as the browser sees it: bytes of HTML, CSS and JavaScript transferred, and the
request count, for each learner-facing page type, on a first visit (empty cache).

    make run        # in another terminal: the demo at http://127.0.0.1:8000/
    .venv/bin/python benchmarks/page_weight.py [--base-url http://127.0.0.1:8000]

Logs in as the demo learner for the pages behind login. Bytes are what went over the wire
(headers and body, compressed if the server compressed); images, video and embedded frames
count as media and are left out of "total without media". Uses Debian's Chromium (see
tests/e2e/browser.py); tests/e2e/test_page_weight.py checks the lesson page's budget.
"""

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = {"document": "html", "stylesheet": "css", "script": "js"}
MEDIA = {"image", "media"}
DEMO_LEARNER = ("learner@lap.example", "lap-demo-2026")


@dataclass
class PageWeight:
    name: str
    url: str
    bytes: dict = field(default_factory=lambda: {"html": 0, "css": 0, "js": 0, "other": 0})
    media: int = 0
    requests: int = 0

    @property
    def total_without_media(self):
        return sum(self.bytes.values())


def measure(context, url, name=""):
    """Open `url` in a new tab of `context` and add up what each finished request transferred.
    Documents of embedded frames (a video player) count as media, not as the page's HTML."""
    weight = PageWeight(name=name, url=url)
    page = context.new_page()

    def finished(request):
        sizes = request.sizes()
        transferred = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        weight.requests += 1
        kind = request.resource_type
        if kind in MEDIA or (kind == "document" and request.frame != page.main_frame):
            weight.media += transferred
        else:
            weight.bytes[KINDS.get(kind, "other")] += transferred

    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    page.close()
    return weight


def table(weights):
    header = "| page | HTML | CSS | JS | other | total without media | media | requests |"
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for w in weights:
        b = w.bytes
        lines.append(
            f"| {w.name} | {b['html']:,} | {b['css']:,} | {b['js']:,} | {b['other']:,} "
            f"| {w.total_without_media:,} | {w.media:,} | {w.requests} |"
        )
    return "\n".join(lines)


def _first_link(page, selector, has=None):
    """The first link matching `selector` whose target page contains the selector `has`."""
    hrefs = page.locator(selector).evaluate_all("links => links.map(a => a.href)")
    for href in hrefs:
        if has is None:
            return href
        probe = page.context.new_page()
        probe.goto(href)
        found = probe.locator(has).count() > 0
        probe.close()
        if found:
            return href
    raise SystemExit(f"no link {selector} leading to {has} on {page.url}")


def main():
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import VIEWPORTS, launch_chromium

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--viewport", choices=VIEWPORTS, default="desktop")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        options = {"viewport": VIEWPORTS[args.viewport], "locale": "en-GB"}
        visitor = browser.new_context(**options)
        learner = browser.new_context(**options)
        login = learner.new_page()
        login.goto(f"{base}/en/accounts/login/")
        login.locator("#id_username").fill(DEMO_LEARNER[0])
        login.locator("#id_password").fill(DEMO_LEARNER[1])
        login.locator("#id_password").press("Enter")
        login.wait_for_url("**/my-learning/")
        login.goto(f"{base}/en/courses/")
        course = _first_link(login, ".card__title a")
        login.goto(course)
        lesson = _first_link(login, ".outline__step a", has="article.lesson .lesson__footer")
        quiz = _first_link(login, ".outline__step a", has="ul.rules")
        session = learner.storage_state()

        pages = [
            ("home", f"{base}/en/", False),
            ("catalogue", f"{base}/en/courses/", False),
            ("course", course, False),
            ("sign-up", f"{base}/en/accounts/signup/", False),
            ("login", f"{base}/en/accounts/login/", False),
            ("certificate verification form", f"{base}/verify/", False),
            ("lesson", lesson, True),
            ("quiz", quiz, True),
            ("my learning", f"{base}/en/my-learning/", True),
        ]
        weights = []
        for name, url, needs_login in pages:
            # A new context per page: an empty cache, as on a first visit.
            context = browser.new_context(**options, storage_state=session if needs_login else None)
            weights.append(measure(context, url, name))
            context.close()
        visitor.close()
        learner.close()
        browser.close()

    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(
        f"Chromium {VIEWPORTS[args.viewport]['width']}x{VIEWPORTS[args.viewport]['height']}, "
        "first visit, bytes transferred (headers + body)\n"
    )
    print(table(weights))


if __name__ == "__main__":
    main()
