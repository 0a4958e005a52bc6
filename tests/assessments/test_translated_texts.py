"""What the public reads of ELoGE in their language: the label holders page is an editable,
translated Wagtail page; the survey's introduction is written per language, Serbian once."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from academy.home.models import HomePage
from assessments.models import LabelHoldersPage, SurveyIntroduction
from assessments.services import assessment_decide
from courses.models import CoursePage
from tests.assessments.conftest import fill_and_submit, introductions, survey_url
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


def english_home():
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def label_page():
    page = english_home().add_child(
        instance=LabelHoldersPage(
            title="ELoGE label holders", slug="eloge-label", intro="<p>Awarded by experts.</p>"
        )
    )
    page.save_revision().publish()
    translate(page, "bs", title="Nosioci ELoGE oznake", intro="<p>Dodjeljuju stručnjaci.</p>")
    return page


@pytest.fixture
def awarded(assessment, reviewer):
    fill_and_submit(assessment)
    assessment_decide(assessment=assessment, reviewer=reviewer, awarded=True, justification="Yes")
    return assessment


def test_the_label_link_leads_to_the_page_in_the_readers_language(client, label_page, awarded):
    response = client.get("/bs/eloge/label/")

    assert response.status_code == 302
    assert response["Location"] == "/bs/eloge-label/"
    page = client.get(response["Location"]).content.decode()
    assert "<h1>Nosioci ELoGE oznake</h1>" in page
    assert "Dodjeljuju stručnjaci." in page
    assert "Općina Jablanica" in page


def test_a_language_without_the_page_gets_the_fallback(client, label_page):
    response = client.get("/hr/eloge/label/")

    assert response["Location"] == "/bs/eloge-label/"  # Bosnian, then English


def test_without_a_page_the_label_holders_are_still_listed(client, awarded):
    response = client.get(reverse("assessments:label_holders"))

    assert response.status_code == 200
    assert "European Label of Governance Excellence (ELoGE)" in response.content.decode()
    assert "Općina Jablanica" in response.content.decode()


def test_the_page_belongs_under_the_home_page_once():
    home = english_home()

    assert LabelHoldersPage.can_create_at(home)
    assert not LabelHoldersPage.can_create_at(Page.objects.get(depth=1))
    assert not CoursePage.can_create_at(home)  # the catalogue keeps its place


def introduce(cycle, **texts):
    for language, text in texts.items():
        SurveyIntroduction.objects.create(cycle=cycle, language=language, text=text)


def test_the_survey_introduction_is_in_the_respondents_language(client, assessment):
    cycle = assessment.cycle
    cycle.survey_intro = "Tell us how we govern."
    cycle.save()
    introduce(cycle, bs="Recite nam kako upravljamo.")
    url = survey_url(assessment)[3:]  # without /en

    assert "Recite nam kako upravljamo." in client.get("/bs" + url).content.decode()
    assert "Tell us how we govern." in client.get("/hr" + url).content.decode()  # the default


def test_serbian_is_written_once_and_read_in_either_script(client, assessment):
    introduce(assessment.cycle, sr="Recite nam kako upravlja opština.")
    url = survey_url(assessment)[3:]

    assert "Реците нам како управља општина." in client.get("/sr" + url).content.decode()
    assert "Recite nam kako upravlja opština." in client.get("/sr-latn" + url).content.decode()


def cycle_form(cycle, *rows):
    return {
        "name": cycle.name,
        "starts_on": cycle.starts_on.isoformat(),
        "ends_on": cycle.ends_on.isoformat(),
        "scale_max": "4",
        "scale_labels": "[]",
        "survey_intro": "",
        "label_min_overall": "3",
        "label_min_principle": "2",
        "label_valid_years": "3",
        "survey_min_responses": "5",
        "recommended_principles": "3",
        **introductions(*rows),
    }


def test_an_administrator_writes_the_introduction_per_language(admin_client, cycle):
    response = admin_client.post(
        reverse("assessment_cycles:edit", args=[cycle.pk]),
        cycle_form(cycle, ("bs", "Dobro došli."), ("sr", "Добро дошли.")),
    )

    assert response.status_code == 302
    assert dict(cycle.introductions.values_list("language", "text")) == {
        "bs": "Dobro došli.",
        "sr": "Добро дошли.",
    }


def test_two_introductions_in_one_language_are_refused(admin_client, cycle):
    response = admin_client.post(
        reverse("assessment_cycles:edit", args=[cycle.pk]),
        cycle_form(cycle, ("bs", "Prvi."), ("bs", "Drugi.")),
    )

    assert response.status_code == 200
    assert not cycle.introductions.exists()
    assert "Please correct the duplicate data for cycle and language" in response.content.decode()
