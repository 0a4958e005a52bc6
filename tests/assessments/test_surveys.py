"""Public surveys: anonymous, once per browser, rate-limited per address, closed outside the
cycle's dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import SurveyAnswer, SurveyResponse
from assessments.views import SURVEY_LIMIT
from tests.assessments.conftest import survey_url

pytestmark = pytest.mark.django_db


def answers(**overrides):
    data = {f"principle-{n}": "3" for n in range(1, 13)}
    data["principle-7"] = "unknown"
    data["comment"] = "Više sastanaka sa građanima."
    data.update(overrides)
    return data


def test_a_citizen_answers_without_logging_in(client, assessment):
    page = client.get(survey_url(assessment))
    response = client.post(survey_url(assessment), answers())

    assert page.status_code == 200
    assert "Democratic Participation" in page.content.decode()
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.survey.audience == "citizens"
    assert stored.comment == "Više sastanaka sa građanima."
    assert stored.language == "en"
    # "I don't know" is no answer, not a zero
    assert sorted(stored.answers.values_list("principle_number", flat=True)) == [
        n for n in range(1, 13) if n != 7
    ]


def test_a_response_stores_nothing_that_names_the_respondent(client, assessment):
    client.post(
        survey_url(assessment),
        answers(),
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 (Android) Amra",
    )

    fields = {field.name for field in SurveyResponse._meta.get_fields()}
    row = SurveyResponse.objects.values().get()
    assert fields == {"id", "survey", "language", "answered_on", "comment", "from_paper", "answers"}
    assert "203.0.113.7" not in str(row)
    assert "Amra" not in str(row)


def test_the_respondent_picks_the_language(client, assessment):
    url = survey_url(assessment)

    page = client.get("/hr" + url[3:])
    client.post("/hr" + url[3:], answers())

    assert 'lang="hr"' in page.content.decode()
    assert SurveyResponse.objects.get().language == "hr"


def test_a_second_response_from_the_same_browser_is_refused(client, assessment):
    client.post(survey_url(assessment), answers())

    again = client.post(survey_url(assessment), answers(comment="Second time"))
    page = client.get(survey_url(assessment))

    assert SurveyResponse.objects.count() == 1
    assert "can answer only once" in again.content.decode()
    assert 'name="principle-1"' not in page.content.decode()


def test_another_browser_answers_too(client, assessment):
    from django.test import Client

    client.post(survey_url(assessment), answers())
    Client().post(survey_url(assessment), answers())

    assert SurveyResponse.objects.count() == 2


def test_a_forged_cookie_does_not_block_or_unblock(client, assessment):
    survey = assessment.surveys.get(audience="citizens")
    client.cookies[f"survey-{survey.pk}"] = survey.token  # unsigned: worthless

    response = client.post(survey_url(assessment), answers())

    assert "Thank you" in response.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_flood_from_one_address_is_stopped(assessment):
    from django.test import Client

    statuses = [
        Client().post(survey_url(assessment), answers(), REMOTE_ADDR="198.51.100.9").status_code
        for _ in range(SURVEY_LIMIT + 3)
    ]

    assert statuses.count(200) == SURVEY_LIMIT
    assert statuses[-1] == 429
    assert SurveyResponse.objects.count() == SURVEY_LIMIT


def test_a_forged_survey_token_is_not_found(client, assessment):
    response = client.get(reverse("assessments:survey", args=["not-a-real-token"]))
    posted = client.post(reverse("assessments:survey", args=["not-a-real-token"]), answers())

    assert response.status_code == 404
    assert posted.status_code == 404
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("value", ["5", "-1", "x", "3.5"])
def test_a_rating_off_the_scale_is_refused(client, assessment, value):
    response = client.post(survey_url(assessment), answers(**{"principle-2": value}))

    assert response.status_code == 400
    assert "Choose a rating from 0 to 4." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_survey_after_the_cycle_says_it_is_closed(client, assessment):
    cycle = assessment.cycle
    cycle.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    cycle.save()

    page = client.get(survey_url(assessment))
    posted = client.post(survey_url(assessment), answers())

    assert page.status_code == 410
    assert "This survey is closed" in page.content.decode()
    assert posted.status_code == 410
    assert not SurveyResponse.objects.exists()


def test_a_survey_before_the_cycle_is_closed(client, assessment):
    cycle = assessment.cycle
    cycle.starts_on = timezone.localdate() + datetime.timedelta(days=1)
    cycle.ends_on = cycle.starts_on + datetime.timedelta(days=30)
    cycle.save()

    assert client.post(survey_url(assessment), answers()).status_code == 410
    assert not SurveyResponse.objects.exists()


def test_a_survey_closed_early_is_closed(client, assessment):
    assessment.surveys.update(is_open=False)

    assert client.post(survey_url(assessment), answers()).status_code == 410
    assert not SurveyAnswer.objects.exists()


def test_the_survey_works_on_a_phone_without_javascript(client, assessment):
    html = client.get(survey_url(assessment)).content.decode()

    assert '<meta name="viewport"' in html
    assert "<script" not in html.split("<main", 1)[1]
    assert html.count("<fieldset") == 12
    assert html.count("<legend>") == 12


def test_a_response_of_only_dont_know_is_refused(client, assessment):
    response = client.post(
        survey_url(assessment), {f"principle-{n}": "unknown" for n in range(1, 13)}
    )

    assert response.status_code == 400
    assert "Rate at least one principle." in response.content.decode()
    assert not SurveyResponse.objects.exists()
