from io import StringIO

import pytest
from django.core.management import call_command

from academy.accounts.models import Organisation, User
from courses.models import CoursePage, Enrollment, LessonPage, ModulePage, StepProgress
from courses.outline import course_outline_for
from quizzes.models import QuizAttempt, QuizPage

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (
            User,
            Organisation,
            CoursePage,
            ModulePage,
            LessonPage,
            QuizPage,
            Enrollment,
            QuizAttempt,
        )
    ] + [StepProgress.objects.filter(completed_at__isnull=False).count()]


def test_the_demo_loads_the_lap_course_and_is_idempotent(client):
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())

    assert counts() == first
    course = CoursePage.objects.get(slug="lap-stage-1", locale__language_code="en")
    assert ModulePage.objects.child_of(course).count() == 4
    assert LessonPage.objects.descendant_of(course).live().count() >= 10
    quizzes = QuizPage.objects.descendant_of(course).live()
    assert quizzes.count() == 4
    kinds = {q.kind for quiz in quizzes for q in quiz.questions.all()}
    assert {"single", "multiple", "true_false", "short", "numeric", "matching", "open"} <= kinds


def test_a_finished_demo_learner_passed_every_quiz_including_the_graded_open_answer(client):
    call_command("load_demo", stdout=StringIO())
    ivana = User.objects.get(email="ivana.saric@lap.example")
    assert Enrollment.objects.get(learner=ivana).status == Enrollment.Status.COMPLETED
    assert QuizAttempt.objects.filter(learner=ivana, passed=True).count() == 4


def test_the_demo_learner_is_halfway_and_can_log_in(client):
    call_command("load_demo", stdout=StringIO())
    learner = User.objects.get(email="learner@lap.example")
    course = CoursePage.objects.get(slug="lap-stage-1", locale__language_code="en")

    # Half the lessons and quizzes; the assignment (a 17th step) is theirs to do.
    assert course_outline_for(course=course, learner=learner).progress.completed == 8
    assert client.login(username="learner@lap.example", password="lap-demo-2026")
    body = client.get(course.url).content.decode()
    assert "Continue where you left off" in body


def test_every_demo_role_exists(client):
    call_command("load_demo", stdout=StringIO())
    trainer = User.objects.get(email="trainer@lap.example")
    assert trainer.groups.filter(name="Trainers").exists()
    assert User.objects.get(email="certificates@lap.example").groups.filter(
        name="Certificate administrators"
    )
    assert User.objects.get(email="admin@lap.example").is_superuser
    assert User.objects.filter(full_name="Милица Јовановић").exists()


def test_the_demo_cohort_has_four_municipalities_and_varied_learners(client):
    from courses.models import Cohort
    from courses.reports import cohort_matrix

    call_command("load_demo", stdout=StringIO())
    cohort = Cohort.objects.get(name="Hercegovina 2026")
    assert sorted(o.place for o in cohort.organisations.all()) == [
        "Jablanica",
        "Maglaj",
        "Trebinje",
        "Žepče",
    ]
    rows = cohort_matrix(cohort=cohort).rows
    assert len(rows) >= 40
    assert len({row.percent for row in rows}) >= 5  # real variety for the reports


def test_the_demo_course_is_in_bosnian_and_both_serbian_scripts_and_their_urls_work(client):
    from wagtail.models import Locale

    from demo import content

    call_command("load_demo", stdout=StringIO())
    course = CoursePage.objects.get(slug="lap-stage-1", locale__language_code="en")
    bosnian_title = content.strings("bs")["lap-stage-1"]["title"]
    titles = {
        language: course.get_translation(Locale.objects.get(language_code=language)).title
        for language in ("bs", "sr", "sr-latn")
    }
    assert titles["bs"] == bosnian_title
    assert titles["sr"].startswith("LAP фаза")  # the name stays in Latin in Cyrillic
    assert titles["sr-latn"] == bosnian_title  # written from the Cyrillic, back to Latin
    for language in ("en", "bs", "hr", "sr", "sr-latn"):
        response = client.get(f"/{language}/courses/")
        assert response.status_code == 200
        assert f'<html lang="{language}"' in response.content.decode()
    assert titles["sr"] in client.get("/sr/courses/").content.decode()
