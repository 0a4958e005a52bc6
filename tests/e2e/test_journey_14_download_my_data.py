"""Journey 14: from their profile, a learner asks for all their data, watches it prepared,
and downloads one archive with an index to read it by."""

import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_learner_downloads_everything_the_platform_keeps_about_them(
    new_context, enrolled_learner, lap_course, log_in, screenshot
):
    phone = new_context("phone").new_page()
    log_in(phone, enrolled_learner, next_path="/en/accounts/profile/")
    phone.get_by_role("link", name="Download my data").click()
    phone.get_by_role("button", name="Prepare my archive").click()
    expect(phone.get_by_role("link", name="Download the archive")).to_be_visible(timeout=15_000)
    screenshot(phone, "j14", "1-archive-ready")

    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download the archive").click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    [profile] = json.loads(archive.read("profile.json"))
    assert profile["email"] == enrolled_learner.email
    [enrollment] = json.loads(archive.read("enrollments.json"))
    assert enrollment["course__title"] == lap_course.title
    assert enrolled_learner.full_name in archive.read("index.html").decode()
