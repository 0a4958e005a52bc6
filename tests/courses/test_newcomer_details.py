"""Details a newcomer trips over (issue 19, items 7 and 8): the home page's title, the icon,
the language switcher, and what "My certificates" says after a course that awards none."""

import re

import pytest

from courses.models import Enrollment
from courses.services import enrollment_create, step_complete
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "bs", "sr"])
def test_the_home_page_is_titled_once_with_the_brand(client, language):
    html = client.get(f"/{language}/").content.decode()

    title = html.split("<title>")[1].split("</title>")[0]
    assert " | " not in title and title.strip()


def test_every_page_names_its_icon_and_the_icon_is_served(client, course):
    html = client.get(course.url).content.decode()

    assert 'rel="icon"' in html and "favicon.svg" in html
    # Browsers ask for /favicon.ico on a first visit anyway.
    icon = client.get("/favicon.ico")
    assert icon.status_code == 302 and icon["Location"].endswith("favicon.svg")


@pytest.mark.parametrize("language", ["en", "bs", "sr"])
def test_the_language_switcher_names_every_language_in_itself_with_a_capital(client, language):
    html = client.get(f"/{language}/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]

    names = re.findall(r'hreflang="[^"]+"[^>]*>([^<]+)</a>', switcher)
    assert names == ["English", "Bosanski", "Hrvatski", "Српски", "Srpski (latinica)"]


def test_a_course_without_certificates_is_named_as_such_in_my_certificates(
    learner_client, learner, course
):
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    assert Enrollment.objects.get(learner=learner).is_completed

    html = learner_client.get("/en/my-certificates/").content.decode()

    assert f"You completed {course.title}. This course does not award a certificate." in html
    assert "Complete a course to earn one" not in html


def test_with_nothing_completed_my_certificates_says_how_to_earn_one(learner_client):
    html = learner_client.get("/en/my-certificates/").content.decode()

    assert "Complete a course to earn one" in html


def test_the_default_tagline_and_footer_read_in_the_page_s_language(client):
    html = client.get("/sr/").content.decode()

    assert "Академија лидерства локалних самоуправа" in html
    assert "Платформа Академије лидерства Савјета Европе." in html


def test_a_footer_the_administrator_wrote_is_shown_as_written(client):
    from wagtail.models import Site

    from academy.home.models import BrandingSettings

    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.footer_text = "Financira Europska unija."
    branding.save()

    assert "Financira Europska unija." in client.get("/sr/").content.decode()
