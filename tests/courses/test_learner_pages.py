"""What learners and visitors see, and what they are refused."""

import re

import pytest
from django.test import Client

from courses import outline
from courses.models import CoursePage, Enrollment, StepProgress
from courses.services import enrollment_create, step_complete
from tests.factories import assign_trainer, lessons_of, make_course, make_trainer

pytestmark = pytest.mark.django_db

LESSON_TEXT = "Publish the draft budget before the debate."


def complete_url(step):
    return f"/en/steps/{step.pk}/complete/"


def enroll_url(course):
    return f"/en/courses/{course.pk}/enroll/"


def test_visitors_see_the_catalogue_and_course_outline_but_not_lesson_bodies(client, course):
    catalogue = client.get("/en/courses/")
    overview = client.get(course.url)
    lesson = client.get(lessons_of(course)[0].url)

    assert course.title in catalogue.content.decode()
    assert "Lesson 1.1" in overview.content.decode()
    assert "Log in to enroll" in overview.content.decode()
    assert lesson.status_code == 302
    assert lesson.url.startswith("/en/accounts/login/")


def test_a_signed_in_learner_who_is_not_enrolled_is_asked_to_enroll(learner_client, course):
    response = learner_client.get(lessons_of(course)[0].url)
    body = response.content.decode()
    assert response.status_code == 403
    assert LESSON_TEXT not in body
    assert "Enroll in the course" in body


def test_an_enrolled_learner_reads_a_lesson_and_marks_it_complete(learner_client, learner, course):
    learner_client.post(enroll_url(course))
    first, second = lessons_of(course)[:2]

    page = learner_client.get(first.url)
    assert page.status_code == 200
    assert LESSON_TEXT in page.content.decode()
    assert "Mark as complete" in page.content.decode()

    response = learner_client.post(complete_url(first))
    assert response.status_code == 302
    assert response.url == second.url
    assert StepProgress.objects.get(learner=learner, step=first).completed_at is not None
    assert "You have completed this lesson" in learner_client.get(first.url).content.decode()


def test_beside_a_lesson_the_outline_lists_the_steps_of_its_module_only(learner_client, learner):
    course = make_course(modules=3, lessons_per_module=2)
    enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)

    page = learner_client.get(lessons[2].url).content.decode()
    aside = page.split('class="lesson-layout__outline"')[1]

    assert all(f"Module {n}</a>" in aside for n in (1, 2, 3))  # every module, to go to
    assert [lesson.title in aside for lesson in lessons] == [False, False, True, True, False, False]
    assert 'aria-current="page"' in aside


def test_the_outline_marks_each_steps_state_for_eyes_and_screen_readers(learner_client, learner):
    course = make_course(modules=1, lessons_per_module=3)
    done, started, shown = lessons_of(course)
    shown.is_required = False
    shown.save_revision().publish()
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=done)
    learner_client.get(started.url)

    aside = learner_client.get(shown.url).content.decode().split("lesson-layout__outline")[1]
    rows = re.findall(r'<li class="(outline__step[^"]*)">(.*?)</li>', aside, re.S)

    assert [(classes, re.sub(r"<[^>]+>", "|", row)) for classes, row in rows] == [
        ("outline__step is-complete", "|\u2713| |Lesson 1.1| |(completed)|"),
        ("outline__step", "|\u25cf| |Lesson 1.2| |(started)|"),
        ("outline__step is-current", "|\u25cb| |Lesson 1.3| || |optional|"),
    ]
    assert f'<a href="{shown.url}" aria-current="page">' in aside


def test_the_course_page_offers_to_continue_where_the_learner_left_off(
    learner_client, learner, course
):
    enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    step_complete(learner=learner, course=course, step=lessons[0])
    learner_client.get(lessons[1].url)

    body = learner_client.get(course.url).content.decode()
    assert "Continue where you left off" in body
    assert f'href="{lessons[1].url}"' in body
    assert "25% (1 of 4 steps)" in body


def test_the_page_of_a_long_course_lists_the_steps_of_the_module_to_continue_in(
    client, learner_client, learner, monkeypatch
):
    monkeypatch.setattr(outline, "LONG_COURSE_STEPS", 4)  # a course of more steps is long
    course = make_course(modules=3, lessons_per_module=2)
    lessons = lessons_of(course)

    def listed(response):
        outline = response.content.decode().split('id="outline-heading"')[1]
        assert all(f"Module {n}</a>" in outline for n in (1, 2, 3))  # every module, to go to
        assert outline.count('class="outline__count">2 steps<') == 2  # the others: how many
        return [lesson.title in outline for lesson in lessons]

    assert listed(client.get(course.url)) == [True, True, False, False, False, False]

    enrollment_create(learner=learner, course=course)
    for lesson in lessons[:3]:
        step_complete(learner=learner, course=course, step=lesson)
    assert listed(learner_client.get(course.url)) == [False, False, True, True, False, False]


def test_completing_the_last_lesson_congratulates_and_returns_to_the_course(
    learner_client, learner
):
    course = make_course(modules=1, lessons_per_module=1)
    learner_client.post(enroll_url(course))
    response = learner_client.post(complete_url(lessons_of(course)[0]), follow=True)
    body = response.content.decode()
    assert "Congratulations" in body
    assert "You have completed this course" in body


def test_my_learning_lists_enrollments_with_progress_and_next_step(learner_client, learner, course):
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])
    body = learner_client.get("/en/my-learning/").content.decode()
    assert course.title in body
    assert "25%" in body
    assert "Lesson 1.2" in body


def test_my_learning_sorts_courses_in_progress_from_completed_ones(learner_client, learner, course):
    done = make_course(title="Ethics in local government", modules=1, lessons_per_module=1)
    for taken in (course, done):
        enrollment_create(learner=learner, course=taken)
    step_complete(learner=learner, course=done, step=lessons_of(done)[0])

    body = learner_client.get("/en/my-learning/").content.decode()

    in_progress, completed = body.split('id="completed-heading"')
    assert course.title in in_progress and "Next step" in in_progress
    assert done.title in completed and "Completed on" in completed
    for keep in ("My certificates", "My journal", "My portfolio"):
        assert keep in body


def test_the_catalogue_card_leads_an_enrolled_learner_to_their_next_step(
    learner_client, learner, course
):
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])

    body = learner_client.get("/en/courses/").content.decode()

    assert "Continue where you left off" in body and lessons_of(course)[1].url in body
    assert f"{course.estimated_hours} hour" in body


def test_the_course_page_introduces_it_before_enrolment(client, course):
    course.audience = "Mayors and councillors"
    course.learning_outcomes = "<p>Run an open budget hearing.</p>"
    course.save_revision().publish()
    assign_trainer(course, make_trainer(full_name="Tarik Trener", email="tarik@lap.example"))

    body = client.get(course.url).content.decode()

    assert "Mayors and councillors" in body and "Run an open budget hearing." in body
    assert "Your trainers" in body and "Tarik Trener" in body
    assert "2 modules" in body and "4 steps" in body and "Lesson 2.2" in body


def test_my_learning_has_a_clear_empty_state(learner_client):
    body = learner_client.get("/en/my-learning/").content.decode()
    assert "You are not enrolled in any course yet" in body


def test_enrolling_twice_gives_a_clear_message_and_no_duplicate(learner_client, course):
    learner_client.post(enroll_url(course))
    response = learner_client.post(enroll_url(course), follow=True)
    assert "already enrolled" in response.content.decode()
    assert Enrollment.objects.count() == 1


def test_invitation_only_course_refuses_self_enrollment_with_a_message(learner_client):
    course = make_course(enrollment_policy=CoursePage.EnrollmentPolicy.INVITATION)
    response = learner_client.post(enroll_url(course), follow=True)
    assert "by invitation only" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_completing_a_step_of_a_course_you_are_not_enrolled_in_is_forbidden(
    learner_client, learner, course
):
    response = learner_client.post(complete_url(lessons_of(course)[0]))
    assert response.status_code == 403
    assert not StepProgress.objects.exists()


def test_unknown_ids_are_not_found(learner_client, course):
    assert learner_client.post(complete_url(course)).status_code == 404  # not a step
    assert learner_client.post("/en/steps/999999/complete/").status_code == 404
    assert learner_client.post("/en/courses/999999/enroll/").status_code == 404


def test_state_changing_urls_refuse_get(learner_client, course):
    assert learner_client.get(enroll_url(course)).status_code == 405
    assert learner_client.get(complete_url(lessons_of(course)[0])).status_code == 405
    assert not Enrollment.objects.exists()


def test_posts_without_a_csrf_token_are_refused(learner, course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(enroll_url(course)).status_code == 403
    enrollment_create(learner=learner, course=course)
    assert client.post(complete_url(lessons_of(course)[0])).status_code == 403
    assert not StepProgress.objects.filter(completed_at__isnull=False).exists()


def test_anonymous_posts_go_to_login_and_change_nothing(client, course):
    response = client.post(enroll_url(course))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not Enrollment.objects.exists()


def test_an_unpublished_lesson_is_not_served(learner_client, learner, course):
    enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    lesson.unpublish()
    assert learner_client.get(lesson.url or "/en/courses/x/").status_code == 404
    assert learner_client.post(complete_url(lesson)).status_code == 404


def test_an_unpublished_course_disappears_from_the_catalogue(client, course):
    course.unpublish()
    assert course.title not in client.get("/en/courses/").content.decode()


def test_the_catalogue_has_an_empty_state(client):
    assert "No courses are published yet" in client.get("/en/courses/").content.decode()


def test_pages_are_phone_friendly_and_accessible_by_structure(learner_client, learner, course):
    enrollment_create(learner=learner, course=course)
    body = learner_client.get(lessons_of(course)[0].url).content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body
    assert '<html lang="en"' in body
    assert 'aria-current="page"' in body
    assert "<script" not in body  # works without JavaScript
