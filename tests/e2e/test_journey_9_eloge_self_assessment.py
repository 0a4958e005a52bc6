"""Journey 9: a municipal coordinator completes the ELoGE matrix with evidence and submits it; a
reviewer awards the label in the admin; the public page lists the municipality; a citizen
answers the survey on a phone, once."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Assessment, Evidence, Label, SurveyResponse
from assessments.services import RatingEntry, assessment_open, ratings_save
from tests.assessments.conftest import make_cycle, make_reviewer
from tests.e2e.test_accessibility import BLOCKING, violations
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.parametrize("viewport", ["phone"], indirect=True),
]


def test_coordinator_submits_reviewer_awards_and_a_citizen_answers(
    page, new_context, log_in, admin_log_in, tmp_path, screenshot
):
    cycle = make_cycle("ELoGE 2026")
    jablanica = OrganisationFactory(name="Općina Jablanica")
    coordinator = UserFactory(
        email="koordinator@jablanica.example", full_name="Amra Hodžić", organisation=jablanica
    )
    reviewer = make_reviewer(cycle, email="expert@lda.example", full_name="Jasmina Mehić")
    assessment = assessment_open(cycle=cycle, municipality=jablanica, coordinator=coordinator)
    # 35 of the 36 statements rated already: the browser rates the last one.
    ratings_save(
        assessment=assessment,
        user=coordinator,
        entries=[
            RatingEntry(number, statement, 3, "Council decision.")
            for number in range(1, 13)
            for statement in range(1, 4)
            if (number, statement) != (12, 3)
        ],
    )
    evidence = tmp_path / "strategija-razvoja.pdf"
    evidence.write_bytes(b"%PDF-1.4 strategy\n%%EOF\n")
    matrix = reverse("assessments:matrix", args=[assessment.pk])

    # The coordinator, on a phone, rates the last statement with evidence and submits.
    log_in(page, coordinator, next_path=matrix)
    blocking = [found for found in violations(page) if found[0] in BLOCKING]
    assert blocking == [], blocking
    last = page.locator("#statement-123")
    expect(last).to_contain_text("Statement 12.3")
    last.get_by_role("radio", name="4: Fully in place").check()
    last.get_by_label("Justification").fill("Innovation fund adopted in 2025.")
    last.get_by_label("Add documents").set_input_files(evidence)
    screenshot(page, "j9", "1-matrix")
    page.locator("#principle-12").get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    expect(page.get_by_role("link", name="strategija-razvoja.pdf")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("The assessment is submitted.")).to_be_visible()
    expect(page.get_by_text("can no longer be changed")).to_be_visible()
    assert Evidence.objects.filter(rating__assessment=assessment).count() == 1

    # The reviewer, at a desk, awards the label.
    desk = new_context("desktop").new_page()
    admin_log_in(desk, reviewer)
    desk.goto(reverse("assessments_admin:index"))
    desk.get_by_role("link", name=re.compile("Općina Jablanica")).first.click()
    expect(desk.get_by_text("Innovation fund adopted in 2025.")).to_be_visible()
    desk.goto(reverse("assessment_decide", args=[assessment.pk]))
    desk.get_by_label("Award the label").check()
    desk.get_by_label("Justification").fill("Every principle at 3 or more.")
    desk.get_by_role("button", name="Save").click()
    expect(desk.get_by_text("The decision is recorded.")).to_be_visible()
    assert Label.objects.filter(assessment=assessment).exists()
    assert Assessment.objects.get(pk=assessment.pk).status == Assessment.Status.DECIDED

    # Anyone sees the label on the public page.
    page.goto(reverse("assessments:label_holders"))
    expect(page.get_by_role("row", name=re.compile("Općina Jablanica"))).to_be_visible()

    # A citizen with the survey link answers on a phone, in Bosnian, once.
    citizen = new_context("phone", locale="bs-BA").new_page()
    token = assessment.surveys.get(audience="citizens").token
    citizen.goto(f"/bs/eloge/survey/{token}/")
    blocking = [found for found in violations(citizen) if found[0] in BLOCKING]
    assert blocking == [], blocking
    first = citizen.locator("#principle-1")
    first.get_by_role("radio").nth(2).check()
    citizen.locator("textarea").fill("Više javnih rasprava.")
    screenshot(citizen, "j9", "2-survey")
    citizen.get_by_role("button").last.click()
    expect(citizen.locator("h1")).to_be_visible()
    assert SurveyResponse.objects.filter(survey__assessment=assessment).count() == 1
    citizen.goto(f"/bs/eloge/survey/{token}/")
    expect(citizen.locator('input[name="principle-1"]')).to_have_count(0)
    assert SurveyResponse.objects.count() == 1
