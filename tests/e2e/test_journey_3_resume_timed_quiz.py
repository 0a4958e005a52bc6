"""Journey 3: a learner closes the tab in the middle of a timed quiz, comes back, and finds the
saved answers and the remaining time."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import QuizAttempt, QuizPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def seconds_shown(page):
    minutes, seconds = page.locator(".timer__value").inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


def test_a_learner_closes_a_timed_quiz_and_finds_answers_and_time_left_on_return(
    page, enrolled_learner, log_in, screenshot
):
    QuizPage.objects.update(time_limit_minutes=20)
    quiz = QuizPage.objects.get()
    log_in(page, enrolled_learner, next_path=quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator(".timer__value")).to_have_text(re.compile(r"^(20:00|19:\d\d)$"))

    page.wait_for_load_state()  # quiz.js (deferred) listens for changes once loaded
    page.get_by_role("radio", name="Openness and Transparency").check()
    expect(page.locator("#autosave-status")).to_have_text("All answers saved.")  # by itself
    screenshot(page, "j3", "1-answered")
    page.close()

    back = page.context.new_page()
    back.goto(quiz.url)
    back.get_by_role("link", name="Continue your attempt").click()

    expect(back.get_by_role("radio", name="Openness and Transparency")).to_be_checked()
    expect(back.locator("#autosave-status")).to_contain_text("Last saved at")
    assert 18 * 60 < seconds_shown(back) < 20 * 60, "the clock went on while the tab was closed"
    screenshot(back, "j3", "2-resumed")


def test_when_the_time_runs_out_the_page_submits_as_it_is_without_asking(
    page, enrolled_learner, log_in
):
    QuizPage.objects.update(time_limit_minutes=20)
    quiz = QuizPage.objects.get()
    log_in(page, enrolled_learner, next_path=quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator(".timer__value")).to_be_visible()
    # Four seconds left, every question blank: no "You have not answered" step in between.
    QuizAttempt.objects.update(deadline=timezone.now() + timedelta(seconds=4))
    page.reload()

    expect(page).to_have_url(re.compile(r"/result/$"), timeout=20_000)
    assert QuizAttempt.objects.get().status != QuizAttempt.Status.IN_PROGRESS
