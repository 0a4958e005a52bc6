"""The principle profile: the formulas, hidden small audiences, the previous cycle, the label
rule, the recommended modules and the exports."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from academy.governance.models import Principle
from assessments.models import Assessment
from assessments.scoring import label_rule, mean, weakest
from assessments.selectors import profile_for, recommendations_for
from assessments.services import assessment_open, survey_respond
from tests.assessments.conftest import fill_and_submit, make_cycle
from tests.factories import add_lesson, add_module, make_course

pytestmark = pytest.mark.django_db

D = Decimal


# The formulas, as pure functions


def test_mean_rounds_to_two_decimals_and_ignores_missing():
    assert mean([1, 2, 2]) == D("1.67")
    assert mean([None, 4]) == D("4.00")
    assert mean([]) is None


def test_the_label_rule_needs_the_overall_and_every_principle():
    scores = {n: D(3) for n in range(1, 13)}
    assert label_rule(scores, min_overall=D(3), min_principle=D(2)).met

    scores[6] = D("1.99")
    result = label_rule(scores, min_overall=D(2), min_principle=D(2))
    assert (result.met, result.below) == (False, [6])

    lower = {n: D("2.5") for n in range(1, 13)}
    assert not label_rule(lower, min_overall=D(3), min_principle=D(2)).met


def test_an_unscored_principle_fails_the_rule():
    scores = {n: D(4) for n in range(1, 13)}
    scores[12] = None
    result = label_rule(scores, min_overall=D(1), min_principle=D(1))
    assert (result.met, result.overall, result.below) == (False, None, [12])


def test_the_weakest_principles_lowest_first_ties_by_number():
    scores = {1: D(3), 2: D(1), 3: D(1), 4: None, 5: D(2)}
    assert weakest(scores, 3) == [2, 3, 5]


# The profile


def respond(assessment, audience, count, score=2, comment=""):
    survey = assessment.surveys.get(audience=audience)
    for _ in range(count):
        survey_respond(
            survey=survey, scores=dict.fromkeys(range(1, 13), score), comment=comment, language="bs"
        )


def test_self_assessment_against_an_audience_with_enough_responses(assessment):
    fill_and_submit(assessment, scores={6: 1})
    respond(assessment, "citizens", 5, score=2)
    respond(assessment, "representatives", 4, score=4)  # under the minimum of 5

    profile = profile_for(assessment=assessment)

    row6 = profile.rows[5]
    assert (row6.number, row6.self_score, row6.surveys) == (6, D("1.00"), {"citizens": D("2.00")})
    assert [a.audience for a in profile.shown_audiences] == ["citizens"]
    assert {a.audience: a.responses for a in profile.audiences}["representatives"] == 4
    assert profile.weakest[0] == 6


def test_an_audience_below_the_minimum_shows_no_numbers_anywhere(coordinator_client, assessment):
    fill_and_submit(assessment)
    respond(assessment, "representatives", 4, score=1, comment="Vijećnik iz Donje Jablanice")
    url = reverse("assessments:profile", args=[assessment.pk])

    page = coordinator_client.get(url).content.decode()
    exported = coordinator_client.get(url + "?export=csv").content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(coordinator_client.get(url + "?export=xlsx").content))

    assert "too few to show results" in page
    assert "1.00" not in page
    assert "Vijećnik iz Donje Jablanice" not in page
    heading = next(csv.reader(io.StringIO(exported)))
    assert "Elected representatives" not in heading
    assert [cell.value for cell in workbook.active[1]] == heading
    assert "Elected representatives" not in heading


def test_the_minimum_of_responses_is_the_cycles(assessment):
    assessment.cycle.survey_min_responses = 2
    assessment.cycle.save()
    respond(assessment, "staff", 2)

    profile = profile_for(assessment=Assessment.objects.select_related("cycle").get())

    assert [a.audience for a in profile.shown_audiences] == ["staff"]


def test_the_change_from_the_previous_cycle(assessment, coordinator, jablanica):
    previous_cycle = make_cycle("ELoGE 2024", days_before=900, days_after=-700)
    previous = assessment_open(
        cycle=previous_cycle, municipality=jablanica, coordinator=coordinator
    )
    fill_and_submit(previous, scores={1: 1})
    fill_and_submit(assessment, scores={1: 3})

    profile = profile_for(assessment=assessment)

    assert profile.previous == previous
    assert (profile.rows[0].previous, profile.rows[0].change) == (D("1.00"), D("2.00"))


def test_the_profile_page_and_csv_show_the_same_numbers(coordinator_client, assessment):
    fill_and_submit(assessment, scores={3: 2})
    respond(assessment, "citizens", 5, score=1)
    url = reverse("assessments:profile", args=[assessment.pk])

    page = coordinator_client.get(url)
    rows = list(
        csv.reader(
            io.StringIO(coordinator_client.get(url + "?export=csv").content.decode("utf-8-sig"))
        )
    )

    assert page.status_code == 200
    assert rows[0][:4] == ["Number", "Principle", "Self-assessment", "Citizens"]
    assert rows[3][:4] == ["3", "Rule of Law", "2.00", "1.00"]
    assert "<svg" in page.content.decode()
    assert "<table" in page.content.decode()


def test_exported_text_cannot_run_as_a_formula(coordinator_client, assessment):
    principle = Principle.objects.get(locale__language_code="en", number=1)
    principle.name = '=HYPERLINK("http://evil.example")'
    principle.save()

    exported = coordinator_client.get(
        reverse("assessments:profile", args=[assessment.pk]) + "?export=csv"
    ).content.decode("utf-8-sig")

    assert "'=HYPERLINK" in exported


def test_the_weakest_principles_recommend_tagged_courses_and_lessons(
    coordinator_client, assessment
):
    course = make_course(modules=0, title="LAP Stage 1")
    module = add_module(course, title="Working with Citizens")
    lesson = add_lesson(module, title="Inform, consult, involve")
    lesson.principles.add(Principle.objects.get(locale__language_code="en", number=6))
    lesson.save_revision().publish()
    untagged = make_course(modules=1, title="Unrelated course")
    fill_and_submit(assessment, scores={6: 0, 9: 1, 1: 1})

    profile = profile_for(assessment=assessment)
    found = recommendations_for(profile=profile)
    page = coordinator_client.get(reverse("assessments:profile", args=[assessment.pk]))

    assert profile.weakest == [6, 1, 9]
    assert [r.course.pk for r in found] == [course.pk]
    assert found[0].principles == [6]
    assert [(lesson.title, numbers) for lesson, numbers in found[0].lessons] == [
        ("Inform, consult, involve", [6])
    ]
    html = page.content.decode()
    assert "Inform, consult, involve" in html
    assert untagged.title not in html
