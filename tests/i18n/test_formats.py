"""Scores, percentages and dates read as each language writes them: "3.50" and "11/27/2026" in
English, "3,50" and "27.11.2026. 09:05" in Bosnian and Serbian, with "88 %" where the
translation puts a space before the per-cent sign."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from academy.core.formatting import day, percent
from courses.models import ModulePage
from courses.services import enrollment_create, step_complete
from quizzes.services import answer_grade, attempt_start, attempt_submit
from tests.factories import add_quiz, lessons_of, make_course, make_trainer, open_question

pytestmark = pytest.mark.django_db

SUBMITTED = timezone.make_aware(datetime.datetime(2026, 11, 27, 9, 5))  # Sarajevo time

# Per language: the score, its percentage and the submission time as the page shows them.
EXPECTED = {
    "en": ("You scored 3.50 of 4 points (88%).", "<td>88%</td>", "11/27/2026 9:05 a.m."),
    "bs": ("3,50", "<td>88", "27.11.2026. 09:05"),
    "sr": ("Освојени бодови: 3,50 од 4 (88\xa0%).", "<td>88\xa0%</td>", "27.11.2026. 09:05"),
    "sr-latn": ("Osvojeni bodovi: 3,50 od 4 (88\xa0%).", "<td>88\xa0%</td>", "27.11.2026. 09:05"),
}


@pytest.fixture
def graded_attempt(learner):
    """3.5 of 4 points on an open answer (87.5 %), submitted on 27 November 2026 at 09:05."""
    course = make_course(modules=1, lessons_per_module=1)
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[open_question(points=4)])
    enrollment_create(learner=learner, course=course)
    attempt = attempt_submit(
        attempt=attempt_start(learner=learner, quiz=quiz), raw_answers={1: "A public hearing."}
    )
    answer_grade(answer=attempt.answers.get(), score="3.5", comment="", grader=make_trainer())
    attempt.refresh_from_db()
    attempt.submitted_at = SUBMITTED
    attempt.save(update_fields=["submitted_at"])
    return attempt


def in_language(url, language):
    return url.replace("/en/", f"/{language}/", 1)


@pytest.mark.parametrize("language", EXPECTED)
def test_quiz_result_and_attempt_history_in_the_local_format(
    learner_client, graded_attempt, language
):
    score, history_percent, submitted = EXPECTED[language]
    quiz_url = in_language(graded_attempt.quiz.url, language)

    result = learner_client.get(f"{quiz_url}attempts/{graded_attempt.pk}/result/")
    quiz_page = learner_client.get(quiz_url)

    assert result.status_code == quiz_page.status_code == 200
    assert score in result.content.decode()
    history = quiz_page.content.decode()
    assert history_percent in history
    assert f"<td>{submitted}</td>" in history


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "50% (1 of 2 steps)"), ("sr", "50\xa0% (1 од 2 корака)")],
)
def test_course_progress_in_the_local_format(learner, learner_client, course, language, expected):
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])

    response = learner_client.get(in_language(course.url, language))

    assert expected in response.content.decode()


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "87.5%"),
        ("sr", "87,5\xa0%"),
        ("sr-latn", "87,5\xa0%"),
        ("bs", "87,5"),
        ("hr", "87,5"),
    ],
)
def test_percent_keeps_a_decimal_when_asked(language, shown):
    # Whether a space goes before % is each translation's choice (bs and hr: their translators').
    with translation.override(language):
        assert percent(Decimal("87.5"), "-1").startswith(shown)
        assert percent(Decimal("87.5")).startswith("88")  # whole per cents unless asked
        assert percent(None) == ""
        assert percent(50) == percent(Decimal(50)) == percent(50.0)  # whole numbers the same


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Nov. 27, 2026"),
        ("bs", "27. novembra 2026."),
        ("hr", "27. studenoga 2026."),
        ("sr", "27. новембра 2026."),
        ("sr-latn", "27. novembra 2026."),
    ],
)
def test_dates_in_the_local_format_with_the_month_in_the_genitive(language, expected):
    template = Template('{{ day|date:"DATE_FORMAT" }} {{ day|date:"SHORT_DATE_FORMAT" }}')
    with translation.override(language):
        rendered = template.render(Context({"day": datetime.date(2026, 11, 27)}))
    short = "11/27/2026" if language == "en" else "27.11.2026."
    assert rendered == f"{expected} {short}"


def test_a_moment_is_shown_on_the_day_it_is_in_sarajevo():
    late_evening_utc = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with translation.override("hr"):
        assert day(late_evening_utc) == "1. siječnja 2027."
        assert day(datetime.date(2026, 12, 31)) == "31. prosinca 2026."
        assert day(None) == "-"
