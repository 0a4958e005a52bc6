"""A step's page keeps its outline and body as rendered, and never shows them stale."""

import pytest
from django.test import Client

from courses.services import enrollment_create
from tests.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

PROGRESS_BAR = "courses/includes/progress_bar.html"
STEP_BODY = "courses/includes/step_body.html"
STEP_NAV = "courses/includes/step_nav.html"


def aside(response):
    return response.content.decode().split("lesson-layout__outline")[1]


@pytest.fixture
def enrolled(learner, course):
    enrollment_create(learner=learner, course=course)
    return course


def test_the_outline_is_rendered_once_and_then_kept(learner_client, enrolled):
    lesson = lessons_of(enrolled)[1]
    learner_client.get(lesson.url)  # records the visit: the first step is now started

    first = learner_client.get(lesson.url)
    again = learner_client.get(lesson.url)

    # The course's bar above the outline and each module's bar inside it: drawn once, kept.
    assert [t.name for t in first.templates].count(PROGRESS_BAR) == 1 + 2
    assert [t.name for t in again.templates].count(PROGRESS_BAR) == 0
    assert aside(again) == aside(first)


def test_learners_share_the_kept_lesson_and_each_sees_their_own_completion(
    learner_client, other_learner, enrolled
):
    lesson = lessons_of(enrolled)[0]
    enrollment_create(learner=other_learner, course=enrolled)
    other_client = Client()
    other_client.force_login(other_learner)
    learner_client.post(f"/en/steps/{lesson.pk}/complete/")

    mine = learner_client.get(lesson.url)
    theirs = other_client.get(lesson.url)

    assert "You have completed this lesson." in mine.content.decode()
    assert "Mark as complete" not in mine.content.decode()
    assert "Mark as complete" in theirs.content.decode()
    assert "You have completed this lesson." not in theirs.content.decode()
    # The step's place, heading, body and links to its neighbours: rendered once, for both.
    assert "Step 1 of 4" in theirs.content.decode()
    assert "Next: Lesson 1.2" in theirs.content.decode()
    assert {STEP_BODY, STEP_NAV} <= {t.name for t in mine.templates}
    assert not {STEP_BODY, STEP_NAV} & {t.name for t in theirs.templates}


def test_a_step_completed_shows_at_once_in_the_kept_outline(learner_client, enrolled):
    first, second, *_ = lessons_of(enrolled)
    assert "is-complete" not in aside(learner_client.get(second.url))

    learner_client.post(f"/en/steps/{first.pk}/complete/")

    assert 'outline__step is-complete"' in aside(learner_client.get(second.url))


def test_a_published_title_shows_at_once_in_the_kept_outline(learner_client, enrolled):
    first, second, *_ = lessons_of(enrolled)
    learner_client.get(second.url)

    first.title = "Open budgets"
    first.save_revision().publish()

    assert ">Open budgets</a>" in aside(learner_client.get(second.url))


def test_another_language_gets_its_own_outline(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    learner_client.get(lesson.url)

    bosnian = learner_client.get(lesson.url.replace("/en/", "/bs/", 1)).content.decode()

    assert "(started)" not in bosnian


def test_a_new_revision_of_the_body_shows_at_once(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    assert "Publish the draft budget" in learner_client.get(lesson.url).content.decode()

    lesson.body = [{"type": "paragraph", "value": "<p>Hold a public hearing.</p>"}]
    lesson.save_revision().publish()

    body = learner_client.get(lesson.url).content.decode()
    assert "Hold a public hearing." in body
    assert "Publish the draft budget" not in body


def test_a_preview_shows_the_draft_never_the_kept_body(learner_client, enrolled):
    lesson = lessons_of(enrolled)[0]
    learner_client.get(lesson.url)  # the published body is now kept

    previews = []
    for draft in ("A first draft.", "A second draft."):
        lesson.body = [{"type": "paragraph", "value": f"<p>{draft}</p>"}]
        previews.append(lesson.make_preview_request().content.decode())

    assert "A first draft." in previews[0]
    assert "A second draft." in previews[1]
    assert not any("Publish the draft budget" in preview for preview in previews)


def test_a_long_course_keeps_the_same_outline_for_each_learner_with_the_same_progress(
    client, learner, other_learner
):
    course = make_course(modules=3, lessons_per_module=3)
    lesson = lessons_of(course)[4]
    pages = []
    for reader in (learner, other_learner):
        enrollment_create(learner=reader, course=course)
        client.force_login(reader)
        pages.append(aside(client.get(lesson.url)))

    assert pages[0] == pages[1]  # no one's name or data in it, so sharing it is safe
