"""Journey 13: on a phone, a learner hands in, reviews a colleague's work with the rubric
without knowing whose it is, and, once graded, finds the work and the feedback in My portfolio
and downloads it as a PDF."""

import re
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from assignments.services import submission_grade, submission_save, submission_submit
from courses.services import enrollment_create
from tests.assignments.conftest import add_assignment, levels_for
from tests.factories import UserFactory, assign_trainer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THEIRS = "Minutes are online within a week; procurement only on the national portal."


def test_a_learner_reviews_a_colleague_and_keeps_the_graded_work_in_the_portfolio(
    new_context, enrolled_learner, lap_course, log_in, screenshot
):
    assignment = add_assignment(
        lap_course.get_children().last().specific, peer_review=True, peer_reviews_per_learner=2
    )
    colleague = UserFactory(full_name="Lejla Kurt")
    enrollment_create(learner=colleague, course=lap_course)
    submission_save(assignment=assignment, learner=colleague, text=THEIRS)
    submission_submit(assignment=assignment, learner=colleague)

    phone = new_context("phone").new_page()
    log_in(phone, enrolled_learner, next_path=assignment.url)
    phone.get_by_label("Your answer").fill("Our map: the budget is online, the minutes are not.")
    phone.get_by_role("button", name="Submit for grading").click()
    phone.get_by_role("link", name="Work 1").click()
    expect(phone.get_by_text(THEIRS)).to_be_visible()
    expect(phone.get_by_text("Lejla Kurt")).to_have_count(0)
    for criterion, level in [
        ("Evidence", "Accomplished"),
        ("Citizens", "Developing"),
        ("Clarity", "Accomplished"),
    ]:
        group = phone.get_by_role("group", name=re.compile(criterion))
        group.get_by_role("radio", name=re.compile(f"^{level}")).check()
    phone.get_by_label("A word for your colleague").fill("A clear map; ask citizens too.")
    screenshot(phone, "j13", "1-peer-review")
    phone.get_by_role("button", name="Send the review").click()
    expect(phone.get_by_text("Your review is sent. Thank you.")).to_be_visible()
    expect(phone.locator(".peer-review-list")).to_contain_text("sent")

    mine = submission_submit(assignment=assignment, learner=enrolled_learner)  # handed in: as is
    submission_grade(
        submission=mine,
        grader=assign_trainer(lap_course),
        levels=levels_for(mine, [2, 2, 2]),
        criterion_feedback={},
        feedback="Ready for the council.",
    )
    phone.goto("/en/my-learning/")
    phone.get_by_role("link", name="My portfolio").click()
    expect(phone.get_by_role("heading", name="Map your municipality's open data")).to_be_visible()
    expect(phone.get_by_text("Ready for the council.")).to_be_visible()
    screenshot(phone, "j13", "2-portfolio")
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download as PDF").click()
    pdf = PdfReader(BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Ready for the council." in text and enrolled_learner.full_name in text
