"""Quiz item analysis: the measures on hand-computed examples, the selector's fixed query count,
and the admin report (who may see it, and its CSV and XLSX exports)."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import urlencode

from academy.accounts.models import User
from academy.core.spreadsheets import safe_cell
from courses.outline import course_of_step
from quizzes.grading import grade
from quizzes.models import Question
from quizzes.reports import AnswerRecord, GradedAttempt, group_size, item_analysis, plain_text
from quizzes.selectors import quiz_item_analysis_for
from quizzes.services import attempt_start, attempt_submit
from tests.factories import (
    PASSWORD,
    UserFactory,
    assign_trainer,
    make_trainer,
    open_question,
    single_choice,
)
from tests.quizzes.conftest import (
    answers_by_kind,
    correct_choice_id,
    multiple_choice,
    numeric,
    quiz_in_new_course,
    snapshot_of,
    true_false,
)

pytestmark = pytest.mark.django_db


# The pure function ---------------------------------------------------------------------------


def question(fields, question_id):
    """A question as an attempt freezes it, with its id."""
    return {**snapshot_of(fields), "question_id": question_id}


def choice(snapshot, text):
    return next(c["id"] for c in snapshot["choices"] if c["text"] == text)


def answered(snapshot, response, *, position=1):
    """An answer record graded as the platform grades it; None is a blank."""
    result = grade(snapshot, response)
    return AnswerRecord(
        question_id=snapshot["question_id"],
        position=position,
        snapshot=snapshot,
        response=response,
        score=result.score,
        is_correct=result.is_correct,
    )


def attempt(percent, *answers):
    return GradedAttempt(percent=Decimal(percent), answers=list(answers))


def one_question_attempts(snapshot, results):
    """Attempts of one true-or-false question (answer "true") from (percent, correct) pairs; the
    percents come from the attempts' other questions."""
    return [
        attempt(percent, answered(snapshot, "true" if correct else "false"))
        for percent, correct in results
    ]


def test_shares_of_correct_answers_and_of_points_per_question():
    single = question(single_choice(), 1)  # 1 point
    multiple = question(multiple_choice(partial_credit=True), 2)  # 2 points
    right = choice(single, "Openness and Transparency")
    rule_of_law = choice(single, "Rule of Law")
    p, e, m, loyalty = (
        choice(multiple, text)
        for text in ("Participation", "Ethical Conduct", "Maximum Secrecy", "Personal Loyalty")
    )
    attempts = [
        attempt("100", answered(single, right), answered(multiple, [p, e], position=2)),
        # One of two correct boxes: 1 of 2 points, not fully correct.
        attempt("66.67", answered(single, right), answered(multiple, [p], position=2)),
        # One right box minus one wrong box: 0 points.
        attempt("0", answered(single, rule_of_law), answered(multiple, [p, m], position=2)),
        attempt("0", answered(single, None), answered(multiple, [m, loyalty], position=2)),
    ]

    first, second = item_analysis(attempts)

    assert first.question_id == 1
    assert first.prompt == "Which principle covers openness of decision-making?"
    assert first.kind == "single"
    assert (first.asked, first.answered) == (4, 3)  # one blank
    assert first.correct_share == 0.5  # 2 of 4
    assert first.average_score == 0.5  # (1 + 1 + 0 + 0) / 4 of 1 point
    assert first.discrimination is None  # 4 attempts: groups of 1
    assert (first.most_chosen_wrong.text, first.most_chosen_wrong.count) == ("Rule of Law", 1)

    assert second.kind == "multiple"
    assert (second.asked, second.answered) == (4, 4)
    assert second.correct_share == 0.25  # only the first attempt is fully correct
    assert second.average_score == 0.375  # (2/2 + 1/2 + 0 + 0) / 4
    # Every wrong box ticked counts: Maximum Secrecy twice, Personal Loyalty once.
    assert second.wrong_answer_text == "Maximum Secrecy"
    assert second.wrong_answer_count == 2


def test_the_discrimination_index_compares_the_top_and_bottom_27_percent():
    statement = question(true_false(), 5)
    # 10 attempts: groups of round(2.7) = 3.
    attempts = one_question_attempts(
        statement,
        [
            ("100", True),
            ("90", True),
            ("80", False),
            ("70", True),
            ("60", False),
            ("50", True),
            ("40", False),
            ("30", True),
            ("20", False),
            ("10", False),
        ],
    )

    [row] = item_analysis(attempts)

    assert row.correct_share == 0.5
    # Upper (100, 90, 80): 2 of 3 correct; lower (30, 20, 10): 1 of 3.
    assert row.discrimination == pytest.approx(2 / 3 - 1 / 3)


def test_the_discrimination_index_needs_two_attempts_in_each_group():
    statement = question(true_false(), 5)
    results = [("90", True), ("70", True), ("50", False), ("30", False), ("10", False)]

    [five] = item_analysis(one_question_attempts(statement, results))
    [six] = item_analysis(one_question_attempts(statement, [*results, ("60", True)]))

    assert [group_size(n) for n in (5, 6, 10, 100)] == [1, 2, 3, 27]
    assert five.discrimination is None  # groups of round(1.35) = 1
    # Six attempts, groups of 2: upper (90, 70) both correct, lower (30, 10) both wrong.
    assert six.discrimination == 1.0


def test_attempts_tied_at_a_group_edge_share_its_places():
    statement = question(true_false(), 5)
    results = [
        ("90", True),
        ("80", True),
        ("80", False),
        ("50", True),
        ("20", False),
        ("20", False),
    ]

    [row] = item_analysis(one_question_attempts(statement, results))
    [reversed_row] = item_analysis(one_question_attempts(statement, results[::-1]))

    # Groups of 2. Upper: 90 (correct), then the two 80s tied for one place, half each:
    # (1 + 1/2 * 1 + 1/2 * 0) / 2 = 0.75. Lower: the two 20s, both wrong: 0.
    assert row.discrimination == 0.75
    assert reversed_row.discrimination == 0.75  # the order attempts come in does not matter


def test_equal_totals_discriminate_nothing_and_a_reversed_question_goes_negative():
    statement = question(true_false(), 5)
    all_tied = [
        ("50", True),
        ("50", True),
        ("50", True),
        ("50", False),
        ("50", False),
        ("50", False),
    ]
    reversed_key = [
        ("90", False),
        ("80", False),
        ("60", True),
        ("50", False),
        ("20", True),
        ("10", True),
    ]

    [tied] = item_analysis(one_question_attempts(statement, all_tied))
    [suspicious] = item_analysis(one_question_attempts(statement, reversed_key))

    assert tied.discrimination == 0.0  # both groups are all six attempts at weight 1/3
    assert suspicious.discrimination == -1.0  # upper (90, 80) all wrong, lower (20, 10) all right


def test_a_question_nobody_answered():
    single = question(single_choice(), 1)
    number = question(numeric(), 2)
    attempts = [
        attempt(percent, answered(single, None), answered(number, "12", position=2))
        for percent in ("50", "50", "50")
    ]

    blank, _number = item_analysis(attempts)

    assert (blank.asked, blank.answered) == (3, 0)
    assert blank.correct_share == 0.0
    assert blank.average_score == 0.0
    assert blank.discrimination is None
    assert blank.most_chosen_wrong is None
    assert blank.wrong_answer_text == ""


def test_the_most_chosen_wrong_answer_is_for_choice_questions_only_and_ties_go_alphabetically():
    single = question(single_choice(), 1)
    number = question(numeric(), 2)
    attempts = [
        attempt(
            "0", answered(single, choice(single, "Rule of Law")), answered(number, "13", position=2)
        ),
        attempt(
            "0",
            answered(single, choice(single, "Responsiveness")),
            answered(number, "13", position=2),
        ),
    ]

    choice_row, number_row = item_analysis(attempts)

    assert (choice_row.wrong_answer_text, choice_row.wrong_answer_count) == ("Responsiveness", 1)
    assert number_row.most_chosen_wrong is None  # 13 twice, but a number is not a choice


def test_questions_are_grouped_by_their_snapshot_id_and_shown_as_last_asked():
    before = question(single_choice(prompt="Which principle is about opennes?"), 7)
    after = {
        **before,
        "prompt": (
            "<p>Tom &amp; Jerry: which <b>principle</b>?</p><ul><li>one</li><li>two</li></ul>"
        ),
    }
    later_question = question(numeric(), 3)
    attempts = [
        attempt(
            "0", answered(later_question, "12", position=1), answered(before, None, position=2)
        ),
        attempt("0", answered(after, None, position=1), answered(later_question, "12", position=2)),
    ]

    rows = item_analysis(attempts)

    # Both asked first somewhere: the lower question id comes first.
    assert [row.question_id for row in rows] == [3, 7]
    assert rows[1].asked == 2
    assert rows[1].prompt == "Tom & Jerry: which principle? one two"
    assert plain_text("<p>a</p><p>b&nbsp;c</p>\n") == "a b c"  # one line, spaces collapsed


def test_rows_follow_the_earliest_position_a_question_was_asked_at():
    first = question(true_false(), 9)
    second = question(numeric(), 3)

    rows = item_analysis([attempt("0", answered(first, None), answered(second, None, position=2))])

    assert [row.question_id for row in rows] == [9, 3]


def test_safe_cell_neutralises_formulas_in_text_only():
    assert [safe_cell(v) for v in ("=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")] == [
        "'=1+2",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\t=1",
        "'\r=1",
    ]
    assert safe_cell("Rule of Law") == "Rule of Law"
    assert safe_cell(-0.5) == -0.5  # numbers stay numbers
    assert safe_cell(None) is None


# The selector --------------------------------------------------------------------------------


def take(quiz, learner, *, correct: bool):
    """A graded attempt with every question answered right, or every question wrong."""
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = answers_by_kind(attempt)
    single = answers["single"].snapshot
    responses = {
        answers["single"].position: correct_choice_id(single)
        if correct
        else choice(single, "Rule of Law"),
        answers["true_false"].position: "true" if correct else "false",
    }
    return attempt_submit(attempt=attempt, raw_answers=responses)


def take_many(quiz, learner, count):
    for number in range(count):
        take(quiz, learner, correct=number % 3 != 0)


def count_queries(function):
    with CaptureQueriesContext(connection) as queries:
        result = function()
    return len(queries), result


def test_the_report_queries_do_not_grow_with_the_attempts(learner, client):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    client.force_login(User.objects.create_superuser(email="root@lap.example", password=PASSWORD))
    url = reverse("quiz_item_analysis", args=[quiz.pk])
    client.get(url)  # warm per-process caches

    take_many(quiz, learner, 5)
    small, small_report = count_queries(lambda: quiz_item_analysis_for(quiz=quiz))
    small_page, _response = count_queries(lambda: client.get(url))
    take_many(quiz, learner, 25)
    large, large_report = count_queries(lambda: quiz_item_analysis_for(quiz=quiz))
    large_page, _response = count_queries(lambda: client.get(url))

    assert small == large == 1
    assert small_page == large_page
    assert (small_report.attempt_count, large_report.attempt_count) == (5, 30)
    single = large_report.questions[0]
    assert single.asked == 30
    # Every third attempt is all wrong: attempts 1 and 4 of the first 5, 9 of the next 25.
    assert single.correct_share == pytest.approx(19 / 30)
    assert single.discrimination == 1.0  # groups of 8: the top all right, the bottom all wrong
    assert single.most_chosen_wrong.count == 11


def test_the_selector_counts_graded_attempts_only_and_keeps_deleted_questions(learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    take(quiz, learner, correct=True)
    take(quiz, learner, correct=False)
    attempt_start(learner=learner, quiz=quiz)  # in progress: not counted
    next(q for q in Question.objects.filter(quiz=quiz) if q.kind == "single").delete()

    report = quiz_item_analysis_for(quiz=quiz)

    assert report.attempt_count == 2
    prompts = [row.prompt for row in report.questions]
    assert "Which principle covers openness of decision-making?" in prompts
    assert all(row.asked == 2 for row in report.questions)


# The admin report ----------------------------------------------------------------------------

FORMULA_PROMPT = '=HYPERLINK("http://evil.example","Openness")'


@pytest.fixture
def reported_quiz(learner):
    """A quiz whose first prompt looks like a formula, with two graded attempts."""
    quiz = quiz_in_new_course(
        questions=[single_choice(prompt=FORMULA_PROMPT), true_false()], learner=learner
    )
    take(quiz, learner, correct=True)
    take(quiz, learner, correct=False)
    return quiz


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(email="root@lap.example", password=PASSWORD)


def report_url(quiz, **params):
    url = reverse("quiz_item_analysis", args=[quiz.pk])
    return f"{url}?{urlencode(params)}" if params else url


def test_a_superuser_sees_every_quiz_and_its_report(client, superuser, reported_quiz):
    client.force_login(superuser)

    index = client.get(reverse("quiz_item_analysis_index"))
    report = client.get(report_url(reported_quiz))

    assert index.status_code == 200
    assert report_url(reported_quiz) in index.content.decode()
    assert report.status_code == 200
    page = report.content.decode()
    assert "HYPERLINK" in page
    assert "The ELoGE label is awarded for three years." in page
    assert "Based on 2 graded attempts." in page
    assert "50%" in page  # one attempt of two right
    assert "Rule of Law (1)" in page


def test_the_courses_trainer_sees_the_report(client, reported_quiz):
    trainer = assign_trainer(course_of_step(reported_quiz))
    client.force_login(trainer)

    index = client.get(reverse("quiz_item_analysis_index"))
    report = client.get(report_url(reported_quiz))

    assert report_url(reported_quiz) in index.content.decode()
    assert "Good Local Governance" in index.content.decode()  # the quiz's course
    assert report.status_code == 200
    assert "Rule of Law (1)" in report.content.decode()


def test_a_trainer_of_another_course_cannot_see_it(client, reported_quiz, other_learner):
    other_quiz = quiz_in_new_course(questions=[single_choice()], learner=other_learner)
    trainer = assign_trainer(course_of_step(other_quiz))
    client.force_login(trainer)

    index = client.get(reverse("quiz_item_analysis_index"))
    report = client.get(report_url(reported_quiz))
    export = client.get(report_url(reported_quiz, export="csv"))

    assert report_url(other_quiz) in index.content.decode()
    assert report_url(reported_quiz) not in index.content.decode()
    assert report.status_code == 404
    assert export.status_code == 404


def test_a_learner_and_a_trainer_without_courses_are_refused(client, learner, reported_quiz):
    client.force_login(learner)
    as_learner = client.get(report_url(reported_quiz))
    client.force_login(make_trainer())
    as_trainer = client.get(report_url(reported_quiz))
    index = client.get(reverse("quiz_item_analysis_index"))

    assert as_learner.status_code == 302  # no admin access at all: to the login page
    assert as_learner.url.startswith(reverse("wagtailadmin_login"))
    for refused in (as_trainer, index):  # admin access, but no course: refused
        assert refused.status_code == 302
        assert refused.url == reverse("wagtailadmin_home")


def test_the_menu_shows_the_report_to_trainers_only(client, reported_quiz):
    client.force_login(assign_trainer(course_of_step(reported_quiz)))
    as_course_trainer = client.get(reverse("wagtailadmin_home"))
    client.force_login(make_trainer())
    as_other_trainer = client.get(reverse("wagtailadmin_home"))

    assert reverse("quiz_item_analysis_index") in as_course_trainer.content.decode()
    assert reverse("quiz_item_analysis_index") not in as_other_trainer.content.decode()


def test_the_csv_export_has_the_columns_and_no_formulas(client, superuser, reported_quiz):
    client.force_login(superuser)

    response = client.get(report_url(reported_quiz, export="csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Question id",
        "Question",
        "Type",
        "Asked",
        "Answered",
        "Correct share",
        "Average score (share of points)",
        "Discrimination index",
        "Most chosen wrong answer",
        "Times chosen",
    ]
    single = rows[1]
    assert single[1] == "'" + FORMULA_PROMPT
    assert single[2:] == ["Single choice", "2", "2", "0.5", "0.5", "", "Rule of Law", "1"]
    assert rows[2][2] == "True or false"
    assert rows[2][8:] == ["", ""]


def test_the_xlsx_export_opens_in_a_spreadsheet(client, superuser, reported_quiz):
    client.force_login(superuser)

    response = client.get(report_url(reported_quiz, export="xlsx"))

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Question id", "Question", "Type")
    assert rows[1][1] == "'" + FORMULA_PROMPT
    assert sheet.cell(row=2, column=2).data_type == "s"  # text, not a formula
    assert rows[1][5] == 0.5  # shares are numbers
    assert rows[1][8:] == ("Rule of Law", 1)


def test_the_grading_queue_export_works_and_has_no_formulas(client, superuser):
    learner = UserFactory(full_name="@SUM(1+1)*cmd")
    quiz = quiz_in_new_course(questions=[open_question()], learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=attempt, raw_answers={1: "A public hearing in March."})
    client.force_login(superuser)

    response = client.get(reverse("grading:index") + "?export=csv")

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Learner", "Quiz", "Score", "Graded"]
    assert rows[1][:2] == ["'@SUM(1+1)*cmd", "Check your understanding"]
