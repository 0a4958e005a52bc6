"""Page weight, measured by the browser: a lesson stays light on a phone's data plan."""

import pytest

from benchmarks.page_weight import measure
from tests.factories import lessons_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.parametrize("viewport", ["phone"], indirect=True),
]

LESSON_BUDGET = 100 * 1024  # bytes of HTML, CSS, JS and the rest, without images or video


def test_a_lesson_page_is_under_100_kb_without_media(
    page, new_context, enrolled_learner, lap_course, log_in
):
    log_in(page, enrolled_learner)
    first_visit = new_context("phone")  # logged in, with an empty cache
    first_visit.add_cookies(page.context.cookies())

    weight = measure(first_visit, lessons_of(lap_course)[0].url, "lesson")

    assert weight.bytes["html"] > 0 and weight.bytes["css"] > 0, "the browser saw the page"
    assert weight.total_without_media < LESSON_BUDGET, weight
