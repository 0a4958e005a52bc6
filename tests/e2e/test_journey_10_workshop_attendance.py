"""Journey 10: at a workshop, the trainer takes attendance on a phone. They open today's
meeting and show the check-in code; a learner checks in on their own phone by typing it; the
trainer marks one learner late and another excused; the register and the cohort's progress
report show it, and the sign-in sheet PDF has every name."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from courses.models import Cohort, Enrollment
from tests.factories import UserFactory, assign_trainer, make_trainer
from workshops.models import Attendance, Meeting, Session

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def workshop(lap_course):
    trainer = assign_trainer(
        lap_course, make_trainer(email="trainer@lap.example", full_name="Tarik Trener")
    )
    cohort = Cohort.objects.create(course=lap_course, name="Hercegovina 2026")
    cohort.trainers.add(trainer)
    learners = [
        UserFactory(email=f"{slug}@lap.example", full_name=name)
        for slug, name in [
            ("amra", "Amra Hodžić"),
            ("milica", "Милица Јовановић"),
            ("zeljko", "Željko Šarić"),
        ]
    ]
    for learner in learners:
        Enrollment.objects.create(learner=learner, course=lap_course, cohort=cohort)
    session = Session.objects.create(
        cohort=cohort, title="Session 1: Good governance", venue_name="Hotel Hercegovina"
    )
    now = timezone.now()
    meeting = Meeting.objects.create(
        session=session,
        label="Day 1",
        starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(hours=6),
    )
    return trainer, cohort, learners, meeting


def test_a_trainer_takes_attendance_on_a_phone_and_a_learner_checks_in(
    new_context, workshop, log_in, screenshot
):
    trainer, cohort, (amra, milica, zeljko), meeting = workshop

    trainer_page = new_context("phone").new_page()
    log_in(trainer_page, trainer, next_path="/en/workshops/meetings/")
    trainer_page.get_by_role("link", name="Check-in code").click()
    code = trainer_page.get_by_test_id("check-in-code").inner_text()
    expect(trainer_page.get_by_role("img", name="QR code for check-in")).to_be_visible()
    screenshot(trainer_page, "j10", "1-check-in-code")

    learner_page = new_context("phone").new_page()
    log_in(learner_page, amra, next_path="/en/check-in/")
    learner_page.get_by_label("Code shown by your trainer").fill(code)
    learner_page.get_by_role("button", name="Check in").click()
    expect(
        learner_page.get_by_text(re.compile("You are checked in to .*: Present"))
    ).to_be_visible()
    screenshot(learner_page, "j10", "2-checked-in")

    trainer_page.goto(f"/en/workshops/meetings/{meeting.pk}/roll-call/")
    expect(trainer_page.get_by_text("1 of 3 learners marked.")).to_be_visible()
    trainer_page.locator(f"#learner-{milica.pk}").get_by_label("Late").check()
    trainer_page.locator(f"#learner-{zeljko.pk}").get_by_label("Excused").check()
    trainer_page.locator(f"#note-{zeljko.pk}").fill("Council session in Žepče")
    screenshot(trainer_page, "j10", "3-roll-call")
    trainer_page.get_by_role("button", name="Save roll call").click()
    expect(trainer_page.get_by_text("Roll call saved: 2 change(s).")).to_be_visible()
    expect(trainer_page.get_by_text("3 of 3 learners marked.")).to_be_visible()
    assert dict(Attendance.objects.values_list("learner__full_name", "status__label")) == {
        "Amra Hodžić": "Present",
        "Милица Јовановић": "Late",
        "Željko Šarić": "Excused",
    }

    # Back at a desk: the register, the progress report and the sign-in sheet.
    desk = new_context("desktop").new_page()
    log_in(desk, trainer, next_path=f"/admin/workshops/cohorts/{cohort.pk}/register/")
    expect(desk.get_by_role("row", name=re.compile("Милица Јовановић"))).to_contain_text("Late")
    expect(desk.get_by_role("row", name=re.compile("Željko Šarić"))).to_contain_text("Excused")
    screenshot(desk, "j10", "4-register")
    desk.goto(f"/admin/cohorts/{cohort.pk}/progress/")
    expect(desk.get_by_text("Attendance (%)").first).to_be_visible()

    desk.goto(f"/admin/workshop_sessions/inspect/{meeting.session_id}/")
    with desk.expect_download() as download:
        desk.get_by_role("link", name="Print (PDF)").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    for learner in (amra, milica, zeljko):
        assert learner.full_name in text
