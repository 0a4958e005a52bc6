"""A lesson printed (or saved as PDF from the browser) is the lesson alone: no header, menu,
outline, forms or footer, its links spelled out."""

import pytest
from playwright.sync_api import expect

from tests.factories import lessons_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_printed_lesson_is_the_lesson_alone(page, enrolled_learner, lap_course, log_in):
    lesson = lessons_of(lap_course)[0]
    log_in(page, enrolled_learner, next_path=lesson.url)
    expect(page.locator(".site-header")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
    for chrome in (".site-header", ".site-footer", ".lesson-layout__outline", ".step-nav"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.get_by_role("button", name="Mark complete")).to_be_hidden()
    assert page.pdf(format="A4")[:4] == b"%PDF"
