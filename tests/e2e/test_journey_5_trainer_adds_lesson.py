"""Journey 5: a trainer logs into the Wagtail admin, adds a lesson with a rich-text and a video
block to a module, publishes it, and the learner sees it in the outline with the progress bar
adjusted."""

import pytest
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from courses.services import step_complete
from tests.factories import assign_trainer, lessons_of, make_trainer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIDEO_URL = "https://www.youtube.com/watch?v=lap-openness-01"


@pytest.fixture
def video_known_to_wagtail(db):
    """The network is closed here, so the oEmbed answer for the video is already in Wagtail's
    embed cache (the table Wagtail fills on a first fetch and reads before fetching)."""
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe title="Openness in practice" src="about:blank" width="640" height="360">'
        "</iframe>",
        title="Openness in practice",
        provider_name="YouTube",
        width=640,
        height=360,
    )


def add_block(page, label):
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=label).first.click()


def test_a_trainer_adds_a_lesson_and_the_learner_sees_it_in_the_outline(
    page,
    new_context,
    enrolled_learner,
    lap_course,
    admin_log_in,
    log_in,
    video_known_to_wagtail,
    screenshot,
):
    trainer = make_trainer(email="trainer@lap.example", full_name="Tarik Trener")
    assign_trainer(lap_course, trainer)
    step_complete(learner=enrolled_learner, course=lap_course, step=lessons_of(lap_course)[0])
    module_2 = lap_course.get_children().last()

    admin = new_context("desktop").new_page()
    admin_log_in(admin, trainer)
    admin.goto(f"/admin/pages/add/courses/lessonpage/{module_2.pk}/")
    admin.locator("#id_title").fill("Lesson 2.3: Open budget hearings")
    add_block(admin, "Text")
    admin.locator(".Draftail-Editor [contenteditable=true]").first.fill(
        "Invite citizens to the hearing a month ahead."
    )
    add_block(admin, "Video")
    admin.locator("input[name^='body-'][name$='-value-video']").fill(VIDEO_URL)
    admin.locator("input[name^='body-'][name$='-value-title']").fill("Openness in practice")
    admin.locator(".Draftail-Editor [contenteditable=true]").last.fill("A mayor opens the hearing.")
    admin.locator(".Draftail-Editor").first.evaluate("e => e.scrollIntoView({block: 'center'})")
    screenshot(admin, "j5", "1-editor")
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Publish").click()
    expect(admin.get_by_role("status")).to_contain_text(
        "Page 'Lesson 2.3: Open budget hearings' created and published."
    )
    screenshot(admin, "j5", "2-published")

    log_in(page, enrolled_learner, next_path=lap_course.url)
    outline = page.locator(".outline")
    expect(outline.get_by_role("link", name="Lesson 2.3: Open budget hearings")).to_be_visible()
    expect(page.get_by_text("1 of 6 steps").first).to_be_visible()  # was 1 of 5
    screenshot(page, "j5", "3-outline")
    outline.get_by_role("link", name="Lesson 2.3: Open budget hearings").click()
    expect(page.get_by_text("Invite citizens to the hearing a month ahead.")).to_be_visible()
    expect(page.locator("iframe[title='Openness in practice']")).to_be_attached()
    expect(page.get_by_text("Transcript")).to_be_visible()
    screenshot(page, "j5", "4-new-lesson")
