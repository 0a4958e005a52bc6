"""Journey 7: an administrator bulk-enrolls a cohort from a CSV file with one bad row, sees the
row-level error with nothing imported, corrects the file and imports."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from academy.accounts.models import User
from courses.models import Cohort, Enrollment
from tests.factories import PASSWORD, OrganisationFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.parametrize("viewport", ["desktop"], indirect=True),  # staff work at a desk
]

CSV_HEADER = "name,email,organisation,role\n"
GOOD_ROWS = (
    "Ivana Šarić,ivana.saric@lap.example,Općina Jablanica,councillor\n"
    "Милица Јовановић,milica@lap.example,Općina Jablanica,official\n"
)
BAD_ROW = "Nedžad Čaušević,nedzad.causevic-at-lap.example,Općina Jablanica,mayor\n"


def test_an_administrator_imports_a_cohort_and_sees_the_bad_row(
    page, lap_course, admin_log_in, tmp_path, screenshot
):
    administrator = User.objects.create_superuser(
        email="admin@lap.example", password=PASSWORD, full_name="Site Admin"
    )
    cohort = Cohort.objects.create(course=lap_course, name="Hercegovina 2026")
    cohort.organisations.add(OrganisationFactory(name="Općina Jablanica"))
    with_bad_row = tmp_path / "hercegovina.csv"
    with_bad_row.write_text(CSV_HEADER + GOOD_ROWS + BAD_ROW, encoding="utf-8")
    corrected = tmp_path / "hercegovina-corrected.csv"
    corrected.write_text(CSV_HEADER + GOOD_ROWS, encoding="utf-8")

    admin_log_in(page, administrator)
    page.goto("/admin/cohorts/")
    expect(page.get_by_text("Hercegovina 2026").first).to_be_visible()
    page.goto(reverse("cohort_import", args=[cohort.pk]))
    page.get_by_label("CSV file").set_input_files(with_bad_row)
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("alert")).to_contain_text("Nothing has been imported")
    bad = page.get_by_role("row", name=re.compile("Nedžad Čaušević"))
    expect(bad).to_contain_text("is not an email address")
    expect(bad.get_by_role("cell").first).to_have_text("4")  # the line in the file
    expect(page.get_by_role("row", name=re.compile("Ivana Šarić"))).to_contain_text(
        "New account: will be invited"
    )
    expect(page.get_by_role("button", name="Import and send invitations")).to_have_count(0)
    screenshot(page, "j7", "1-row-error")
    assert not Enrollment.objects.exists()

    page.get_by_role("link", name="Upload another file").click()
    page.get_by_label("CSV file").set_input_files(corrected)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("2 learners are ready to import.")).to_be_visible()
    page.get_by_role("button", name="Import and send invitations").click()

    expect(page.get_by_text("Hercegovina 2026").first).to_be_visible()
    assert set(Enrollment.objects.values_list("learner__email", flat=True)) == {
        "ivana.saric@lap.example",
        "milica@lap.example",
    }
    screenshot(page, "j7", "2-imported")
