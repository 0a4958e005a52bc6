"""Journey 6: a trainer grades an open answer from the queue; the learner's attempt shows the
grade."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import add_quiz, assign_trainer, make_trainer, open_question

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PLAN = "We will publish the draft budget online and hold a public hearing in March."


def test_a_trainer_grades_an_open_answer_and_the_learner_sees_the_grade(
    page, new_context, enrolled_learner, lap_course, log_in, admin_log_in, screenshot
):
    trainer = make_trainer(email="trainer@lap.example", full_name="Tarik Trener")
    assign_trainer(lap_course, trainer)
    module_2 = lap_course.get_children().last().specific
    quiz = add_quiz(module_2, title="Your budget plan", questions=[open_question(points=5)])

    log_in(page, enrolled_learner, next_path=quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Your answer").fill(PLAN)
    page.get_by_role("button", name="Submit for grading").click()
    expect(page.get_by_text("A trainer will grade your written answers")).to_be_visible()
    result_url = page.url

    trainer_page = new_context("desktop").new_page()
    admin_log_in(trainer_page, trainer)
    trainer_page.goto("/admin/grading/")
    expect(trainer_page.get_by_text(enrolled_learner.full_name).first).to_be_visible()
    screenshot(trainer_page, "j6", "1-queue")
    trainer_page.get_by_role("link", name=re.compile(enrolled_learner.full_name)).click()
    expect(trainer_page.get_by_text(PLAN)).to_be_visible()
    trainer_page.locator("[name='score']").fill("4")
    trainer_page.locator("[name='grader_comment']").fill("Concrete. Add a date for the hearing.")
    screenshot(trainer_page, "j6", "2-grading")
    trainer_page.locator("[name='score']").press("Enter")
    expect(trainer_page).to_have_url(re.compile(r"/admin/grading/$"))
    expect(
        trainer_page.get_by_role("row", name=re.compile(enrolled_learner.full_name))
    ).to_contain_text(
        "False"  # needs grading: no more
    )

    page.goto(result_url)
    expect(page.locator(".result__score")).to_have_text("You scored 4 of 5 points (80%).")
    expect(page.get_by_text("Concrete. Add a date for the hearing.")).to_be_visible()
    screenshot(page, "j6", "3-learner-sees-grade")
