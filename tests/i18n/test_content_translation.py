"""A translated course is the same course: progress, enrollments and attempts follow the learner
from one language to another, and an untranslated page falls back instead of a 404."""

import re

import pytest

from certificates.models import CourseCertificateRule
from courses.models import Cohort, Enrollment, StepProgress
from courses.outline import course_outline_for
from courses.services import enrollment_create, step_complete
from quizzes.models import QuizAttempt
from tests.factories import add_quiz, lessons_of, single_choice
from tests.i18n.conftest import translate, version
from tests.quizzes.conftest import start_by_post, start_url

pytestmark = pytest.mark.django_db


def completed_titles(html):
    return re.findall(r'outline__step is-complete[^"]*">.*?<a [^>]*>([^<]+)</a>', html, re.S)


def test_a_lesson_completed_in_bosnian_shows_complete_in_the_serbian_outline(
    learner_client, learner, course
):
    lesson = lessons_of(course)[0]
    learner_client.post(f"/bs/courses/{course.pk}/enroll/")
    response = learner_client.post(f"/bs/steps/{version(lesson, 'bs').pk}/complete/")
    assert response.status_code == 302

    enrollment = Enrollment.objects.get(learner=learner)
    assert enrollment.course_id == course.pk  # one enrollment, on the original course
    assert StepProgress.objects.get(learner=learner).step_id == lesson.pk

    page = learner_client.get(version(course, "sr").url).content.decode()
    assert completed_titles(page) == ["Лекција 1.1"]


def test_completion_counts_each_step_once_whatever_the_languages(
    learner, course, completions, django_capture_on_commit_callbacks
):
    lesson_1, lesson_2 = lessons_of(course)
    enrollment_create(learner=learner, course=version(course, "sr"))
    step_complete(learner=learner, course=version(course, "sr"), step=version(lesson_1, "sr"))
    step_complete(learner=learner, course=course, step=lesson_1)  # again, in English
    outline = course_outline_for(course=version(course, "bs"), learner=learner)
    assert (outline.progress.completed, outline.progress.total) == (1, 2)
    assert not Enrollment.objects.get(learner=learner).is_completed

    with django_capture_on_commit_callbacks(execute=True):
        step_complete(learner=learner, course=version(course, "bs"), step=version(lesson_2, "bs"))
    assert Enrollment.objects.get(learner=learner).is_completed
    assert len(completions) == 1


def test_a_quiz_attempt_started_in_english_is_resumed_from_the_serbian_page(
    learner_client, learner, course
):
    module = lessons_of(course)[0].get_parent()
    quiz = add_quiz(module, questions=[single_choice()])
    serbian = translate(quiz, "sr", title="Провјера")
    enrollment_create(learner=learner, course=course)

    attempt = start_by_post(learner_client, quiz)
    overview = learner_client.get(serbian.url).content.decode()
    assert f"{serbian.url}attempts/{attempt.pk}/" in overview
    response = learner_client.post(start_url(serbian))
    assert response.url == f"{serbian.url}attempts/{attempt.pk}/"
    assert learner_client.get(response.url).status_code == 200
    assert QuizAttempt.objects.filter(learner=learner).count() == 1
    assert attempt.quiz_id == quiz.pk


def test_an_attempt_started_in_serbian_is_on_the_original_quiz_and_asks_in_serbian(
    learner_client, learner, course
):
    module = lessons_of(course)[0].get_parent()
    quiz = add_quiz(module, questions=[single_choice("Који принцип покрива отвореност?")])
    english_question = quiz.questions.get()
    serbian = translate(quiz, "sr")
    enrollment_create(learner=learner, course=course)

    attempt = start_by_post(learner_client, serbian)
    assert attempt.quiz_id == quiz.pk
    answer = attempt.answers.get()
    assert answer.question_id == english_question.pk  # the same item in reports
    assert "Који принцип" in answer.snapshot["prompt"]


def test_an_untranslated_page_is_shown_in_bosnian_with_a_notice_in_croatian(client, course):
    lesson_2 = lessons_of(course)[1]
    bosnian = version(lesson_2, "bs")
    module_url = "/hr" + version(bosnian.get_parent(), "bs").url[len("/bs") :]

    response = client.get(module_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="hr"' in html
    assert "Modul 2" in html
    assert "još nije dostupna" in html  # the notice, in Croatian
    assert "Bosnian" in html or "bosanski" in html.lower()
    # In Bosnian itself the same page has no notice.
    assert "translation-notice" not in client.get(bosnian.get_parent().url).content.decode()


def test_a_serbian_reader_gets_the_bosnian_module_where_serbian_is_missing(client, course):
    second_module = lessons_of(course)[1].get_parent()
    url = "/sr" + version(second_module, "bs").url[len("/bs") :]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Modul 2" in html
    # The course around it is the Serbian one, and links stay under /sr/.
    assert "Добро локално управљање" in html
    assert 'href="/bs/' not in html


def test_the_catalogue_lists_each_course_once_in_the_readers_language_or_fallback(client, course):
    serbian = client.get("/sr/courses/").content.decode()
    croatian = client.get("/hr/courses/").content.decode()
    assert serbian.count("Добро локално управљање") == 1
    assert "Good Local Governance" not in serbian
    assert croatian.count("Dobro lokalno upravljanje") == 1
    assert 'href="/hr/courses/' in croatian


def test_a_page_missing_in_every_language_is_still_a_404(client, course):
    assert client.get("/hr/courses/no-such-course/").status_code == 404


def test_a_cohort_or_certificate_rule_set_up_on_a_translation_is_on_the_original(course, template):
    cohort = Cohort.objects.create(course=version(course, "sr"), name="Trebinje 2026")
    rule = CourseCertificateRule.objects.create(course=version(course, "bs"), template=template)

    assert cohort.course_id == course.pk
    assert rule.course_id == course.pk


def test_a_page_shown_to_a_serbian_reader_is_not_marked_for_the_bosnian_reader_after(
    client, course
):
    # The course tree is shared by every request a process serves (page_cache's local copies):
    # showing a Bosnian lesson under /sr/ must leave it under /bs/ for the next reader.
    lesson_2 = version(lessons_of(course)[1], "bs")
    under_serbian = "/sr" + lesson_2.url[len("/bs") :]

    serbian = client.get(version(course, "sr").url).content.decode()
    bosnian = client.get(version(course, "bs").url).content.decode()

    assert f'href="{under_serbian}"' in serbian
    assert f'href="{lesson_2.url}"' in bosnian
    assert under_serbian not in bosnian
