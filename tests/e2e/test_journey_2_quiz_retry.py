"""Journey 2, keyboard only: a learner takes a quiz, fails, waits the required time, retries and
passes; the module shows complete."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from courses.services import step_complete
from quizzes.models import QuizAttempt, QuizPage
from tests.e2e.keyboard import activate, choose_radio, has_focus
from tests.factories import lessons_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def answer_and_submit(page, choice):
    choose_radio(page, page.get_by_role("radio", name=choice))
    activate(page, page.get_by_role("button", name="Submit for grading"))


def test_a_learner_fails_waits_retries_and_passes_and_the_module_is_complete(
    page, enrolled_learner, lap_course, log_in, screenshot
):
    quiz = QuizPage.objects.get()
    for lesson in lessons_of(lap_course)[:2]:  # the two lessons of module 1 are read
        step_complete(learner=enrolled_learner, course=lap_course, step=lesson)
    log_in(page, enrolled_learner, next_path=quiz.url)
    screenshot(page, "j2", "1-quiz")

    activate(page, page.get_by_role("button", name="Start the quiz"))
    expect(page.get_by_role("group", name=re.compile("Question 1"))).to_be_visible()
    screenshot(page, "j2", "2-attempt")
    answer_and_submit(page, "Rule of Law")

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("attempt 1")
    assert has_focus(heading), "a screen reader starts reading at the result"
    expect(page.locator(".result__verdict")).to_contain_text("Not passed")
    screenshot(page, "j2", "3-failed")

    activate(page, page.get_by_role("link", name="Back to the quiz"))
    expect(page.get_by_text("You can try again in 1 minute.")).to_be_visible()
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)
    screenshot(page, "j2", "4-wait")

    # The required minute passes.
    QuizAttempt.objects.filter(quiz=quiz).update(
        submitted_at=QuizAttempt.objects.get().submitted_at - timedelta(minutes=1, seconds=1)
    )
    page.reload()
    activate(page, page.get_by_role("button", name="Try again"))
    answer_and_submit(page, "Openness and Transparency")

    expect(page.get_by_role("heading", level=1)).to_contain_text("attempt 2")
    expect(page.locator(".result__verdict")).to_contain_text("Passed")
    expect(page.get_by_text("Yes: principle 6.")).to_be_visible()  # feedback, once passed
    screenshot(page, "j2", "5-passed")

    activate(page, page.locator(".breadcrumb").get_by_role("link", name="Module 1"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Module 1")
    expect(page.get_by_text("Module progress: 100% (3 of 3 steps)")).to_be_visible()
    quiz_step = page.locator(".outline__step", has_text=quiz.title)
    expect(quiz_step).to_have_class(re.compile("is-complete"))
    screenshot(page, "j2", "6-module-complete")
