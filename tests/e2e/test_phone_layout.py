"""On a phone the header's links are behind a Menu button and the course outline is folded
under the step, so a lesson starts at the top of the screen; on a desktop both are in view.
Both are <details>: they work without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.factories import lessons_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_phone_opens_the_menu_and_the_outline_a_desktop_has_them_in_view(
    new_context, enrolled_learner, lap_course, log_in
):
    lesson = lessons_of(lap_course)[0]
    for viewport, folded in (("phone", True), ("desktop", False)):
        page = new_context(viewport).new_page()
        log_in(page, enrolled_learner, next_path=lesson.url)
        nav = page.locator(".site-nav")
        outline = page.locator(".lesson-layout__outline .outline").first
        if folded:
            expect(nav).to_be_hidden()
            expect(outline).to_be_hidden()
            page.get_by_text("Menu", exact=True).click()
            expect(nav.get_by_role("link", name="My learning")).to_be_visible()
            page.get_by_role("heading", name="Course outline").click()
            expect(outline).to_be_visible()
            header_height = page.locator(".site-header").bounding_box()["height"]
            assert header_height > 150  # the open menu pushes the page down, as it should
        else:
            expect(page.locator(".site-menu__toggle")).to_be_hidden()
            expect(nav.get_by_role("link", name="My learning")).to_be_visible()
            expect(outline).to_be_visible()
        page.context.close()


def test_on_a_phone_the_lesson_starts_near_the_top(
    new_context, enrolled_learner, lap_course, log_in
):
    lesson = lessons_of(lap_course)[0]
    page = new_context("phone").new_page()
    log_in(page, enrolled_learner, next_path=lesson.url)
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert heading["y"] < 300  # the header is one row and a button, not ten links
    mark = page.get_by_role("button", name="Mark as complete").bounding_box()
    outline = page.get_by_role("heading", name="Course outline").bounding_box()
    assert mark["y"] < outline["y"]  # the step's own actions come before the folded outline
