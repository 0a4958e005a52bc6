"""Journey 11: a learner hands in an assignment with a file from their phone; the trainer
finds it in the grading queue, grades it with the rubric at a desktop; the learner sees the
chosen levels and the feedback."""

import re

import pytest
from playwright.sync_api import expect

from tests.assignments.conftest import PDF, add_assignment
from tests.factories import assign_trainer, make_trainer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAP = "The budget and minutes are online; procurement only on the national portal."


def test_a_learner_hands_in_work_on_a_phone_and_sees_the_trainers_rubric_grade(
    new_context, enrolled_learner, lap_course, log_in, admin_log_in, screenshot, tmp_path
):
    trainer = assign_trainer(
        lap_course, make_trainer(email="trainer@lap.example", full_name="Tarik Trener")
    )
    assignment = add_assignment(lap_course.get_children().last().specific)
    plan = tmp_path / "open-data-map.pdf"
    plan.write_bytes(PDF)

    phone = new_context("phone").new_page()
    log_in(phone, enrolled_learner, next_path=assignment.url)
    phone.get_by_label("Your answer").fill(MAP)
    phone.get_by_label("Add files").set_input_files(str(plan))
    phone.get_by_role("button", name="Save draft").click()
    expect(phone.get_by_text("Your draft is saved.")).to_be_visible()
    expect(phone.get_by_role("link", name="open-data-map.pdf")).to_be_visible()
    phone.get_by_role("button", name="Submit for grading").click()
    expect(phone.get_by_text("Your work is handed in and waiting for grading.")).to_be_visible()
    screenshot(phone, "j11", "1-handed-in")

    desk = new_context("desktop").new_page()
    admin_log_in(desk, trainer)
    desk.goto("/admin/to-grade/")
    desk.get_by_role("link", name=re.compile("Map your municipality")).click()
    expect(desk.get_by_text(MAP)).to_be_visible()
    expect(desk.get_by_role("link", name="open-data-map.pdf")).to_be_visible()
    for criterion, level in [
        ("Evidence", "Accomplished"),
        ("Citizens", "Developing"),
        ("Clarity", "Accomplished"),
    ]:
        group = desk.get_by_role("group", name=re.compile(criterion))
        group.get_by_role("radio", name=re.compile(f"^{level}")).check()
    citizens = desk.get_by_role("group", name=re.compile("Citizens"))
    citizens.get_by_label("Feedback on this criterion").fill("Ask the youth council too.")
    desk.get_by_label("Overall feedback").fill("A clear map.")
    screenshot(desk, "j11", "2-grading")
    desk.get_by_role("button", name="Grade", exact=True).click()
    expect(desk.get_by_text("Nothing is waiting for your grade.")).to_be_visible()

    phone.goto(assignment.url)
    expect(phone.get_by_text("10 of 12 points (83%).")).to_be_visible()
    expect(phone.get_by_text("Ask the youth council too.")).to_be_visible()
    expect(phone.get_by_text("You have passed this assignment.")).to_be_visible()
    screenshot(phone, "j11", "3-feedback")
