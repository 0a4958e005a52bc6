"""The 12-principles mastery map: the documented formula on hand-computed examples."""

import pytest

from academy.governance.models import Principle
from courses.mastery import combine, group_mastery, mastery_for_learners
from courses.services import enrollment_create, step_complete
from quizzes.models import Question, QuizPage
from quizzes.services import attempt_start, attempt_submit
from tests.factories import (
    UserFactory,
    add_lesson,
    add_module,
    lessons_of,
    make_course,
    single_choice,
)

pytestmark = pytest.mark.django_db


def test_mastery_weighs_lessons_40_and_quizzes_60():
    assert combine(0.5, 1.0) == pytest.approx(0.8)
    assert combine(1.0, None) == 1.0
    assert combine(None, 0.25) == 0.25
    assert combine(None, None) is None


def principle(number):
    return Principle.objects.get(number=number, locale__language_code="en")


@pytest.fixture
def openness_course():
    """Two lessons and a two-question quiz on principle 6 (Openness and Transparency)."""
    course = make_course(modules=0)
    module = add_module(course)
    for title in ("Publishing the budget", "Open council sessions"):
        lesson = add_lesson(module, title=title)
        lesson.principles.add(principle(6))
        lesson.save_revision().publish()
    quiz = QuizPage(title="Openness quiz", slug="openness-quiz", pass_mark=0)
    for order, fields in enumerate([single_choice(), single_choice(prompt="Number 6 is?")]):
        question = Question(sort_order=order, **fields)
        question.principles = [principle(6)]
        quiz.questions.add(question)
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return course, quiz


def take(quiz, learner, *, correct):
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = {}
    for answer in attempt.answers.all():
        choices = answer.snapshot["choices"]
        pick = [c for c in choices if c["correct"] == (answer.position in correct)]
        answers[answer.position] = pick[0]["id"]
    return attempt_submit(attempt=attempt, raw_answers=answers)


def test_a_learner_s_mastery_combines_lessons_done_and_quiz_points(learner, openness_course):
    course, quiz = openness_course
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])
    take(quiz, learner, correct={1})  # 1 of 2 points on principle 6

    rows = {m.number: m for m in mastery_for_learners([learner.pk], [course])[learner.pk]}
    assert rows[6].coverage == pytest.approx(0.5)
    assert rows[6].quiz == pytest.approx(0.5)
    assert rows[6].percent == 50  # 0.4 * 0.5 + 0.6 * 0.5
    assert rows[1].mastery is None  # not taught in this course


def test_the_best_attempt_counts(learner, openness_course):
    course, quiz = openness_course
    enrollment_create(learner=learner, course=course)
    take(quiz, learner, correct=set())
    take(quiz, learner, correct={1, 2})
    take(quiz, learner, correct={2})

    rows = {m.number: m for m in mastery_for_learners([learner.pk], [course])[learner.pk]}
    assert rows[6].quiz == pytest.approx(1.0)
    assert rows[6].percent == 60  # no lesson done: 0.4 * 0 + 0.6 * 1


def test_a_group_s_mastery_is_the_mean_of_its_learners(openness_course):
    course, quiz = openness_course
    strong, weak, absent = UserFactory(), UserFactory(), UserFactory()
    for learner in (strong, weak):
        enrollment_create(learner=learner, course=course)
    take(quiz, strong, correct={1, 2})  # 0.6
    take(quiz, weak, correct=set())  # 0.0

    group = {
        row["number"]: row
        for row in group_mastery(mastery_for_learners([strong.pk, weak.pk, absent.pk], [course]))
    }
    assert group[6]["mastery"] == pytest.approx(0.3)
    assert group[6]["learners"] == 2  # the learner who is not enrolled has no mastery


def test_my_learning_draws_the_map_as_svg_with_the_numbers_in_a_table(
    learner_client, learner, openness_course, django_assert_max_num_queries
):
    course, quiz = openness_course
    enrollment_create(learner=learner, course=course)
    take(quiz, learner, correct={1, 2})
    body = learner_client.get("/en/my-learning/").content.decode()
    assert '<svg class="mastery__chart"' in body
    assert "6. Openness and Transparency" in body
    assert "60%" in body


def test_a_cohort_s_mastery_at_its_start_counts_only_what_was_done_before(openness_course):
    from datetime import date, timedelta

    from django.utils import timezone

    from courses.mastery import cohort_mastery_change
    from courses.models import Cohort, StepProgress
    from quizzes.models import QuizAttempt

    course, quiz = openness_course
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    early, late = UserFactory(), UserFactory()
    for learner in (early, late):
        enrollment_create(learner=learner, course=course)
        take(quiz, learner, correct={1, 2})
    step_complete(learner=early, course=course, step=lessons_of(course)[0])
    # The early learner did it all before the cohort began; the other one since.
    cohort.starts_on = date.today() - timedelta(days=10)
    cohort.save()
    before_start = timezone.now() - timedelta(days=20)
    QuizAttempt.objects.filter(learner=early).update(submitted_at=before_start)
    StepProgress.objects.filter(learner=early).update(completed_at=before_start)

    rows = {row["number"]: row for row in cohort_mastery_change(cohort, [early.pk, late.pk])}

    # Early: 0.4 * 1/2 lessons + 0.6 * 1 = 0.8 then and now. Late: no lesson, so 0 then,
    # 0.6 * 1 = 0.6 now.
    assert rows[6]["before"] == 40  # (0.8 + 0) / 2
    assert rows[6]["percent"] == 70  # (0.8 + 0.6) / 2


def test_before_a_cohort_starts_there_is_no_before(openness_course, learner):
    from courses.mastery import cohort_mastery_change
    from courses.models import Cohort

    course, _quiz = openness_course
    cohort = Cohort.objects.create(course=course, name="Later")
    enrollment_create(learner=learner, course=course)

    rows = cohort_mastery_change(cohort, [learner.pk])

    assert {row["before"] for row in rows} == {None}
