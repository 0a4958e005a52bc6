"""A certificate speaks the learner's language and script: Serbian Cyrillic or Latin."""

import pytest
from wagtail.models import Locale

from tests.certificates.conftest import certified_course, complete, pdf_text, stored_pdf
from tests.factories import UserFactory, catalogue
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def serbian_course(template):
    """A certified course and its template written in Serbian Cyrillic; the Latin versions are
    written automatically."""
    course = certified_course(template)
    for language in ("sr-latn", "sr"):
        translate(catalogue(), language)
    translate(course, "sr", title="Добро локално управљање")
    serbian = template.copy_for_translation(Locale.objects.get(language_code="sr"))
    serbian.title = "Потврда о завршетку"
    serbian.body = "Овим се потврђује да је {learner} завршио/ла курс {course}."
    serbian.save()
    return course


@pytest.mark.parametrize(
    ("language", "name", "expected", "foreign"),
    [
        (
            "sr",
            "Милица Јовановић",
            (
                "Потврда о завршетку",
                "Овим се потврђује да је Милица Јовановић завршио/ла курс Добро локално управљање.",
            ),
            "Potvrda",
        ),
        (
            "sr-latn",
            "Milica Jovanović",
            (
                "Potvrda o završetku",
                "Ovim se potvrđuje da je Milica Jovanović završio/la kurs "
                "Dobro lokalno upravljanje.",
            ),
            "Потврда",
        ),
    ],
)
def test_a_certificate_in_serbian_is_in_the_learners_script(
    serbian_course,
    issue,
    language,
    name,
    expected,
    foreign,
):
    learner = UserFactory(full_name=name, preferred_language=language)
    complete(learner, serbian_course)

    certificate = issue(learner, serbian_course)

    text = " ".join(pdf_text(stored_pdf(certificate)).split())
    title, body = expected
    assert title in text
    assert body in text
    assert foreign not in text
    assert certificate.course_id == serbian_course.pk  # the original course


def test_names_written_in_cyrillic_print_in_latin_on_a_latin_certificate(serbian_course, issue):
    serbian = serbian_course.certificate_rule.template.in_language("sr")
    serbian.signatories.update(name="Јелена Перић", title="Директорка")
    serbian.issuers.filter(sort_order=0).update(name="Агенција за локалну демократију Мостар")
    learner = UserFactory(full_name="Milica Jovanović", preferred_language="sr-latn")
    complete(learner, serbian_course)

    certificate = issue(learner, serbian_course)

    assert certificate.signatories[0] == {"name": "Jelena Perić", "title": "Direktorka"}
    assert "Agencija za lokalnu demokratiju Mostar" in certificate.issuers
    text = " ".join(pdf_text(stored_pdf(certificate)).split())
    assert "Jelena Perić" in text and "Перић" not in text


def test_principles_on_a_certificate_fall_back_as_the_course_title_does(template, issue):
    course = certified_course(template)  # on principles 6 and 9, written in English
    openness = course.principles.get(number=6)
    bosnian = openness.copy_for_translation(Locale.objects.get(language_code="bs"))
    bosnian.name = "Otvorenost i transparentnost"
    bosnian.save()
    learner = UserFactory(preferred_language="hr")  # no Croatian principles: Bosnian first
    complete(learner, course)

    certificate = issue(learner, course)

    names = {p["number"]: p["name"] for p in certificate.principles}
    assert names[6] == "Otvorenost i transparentnost"
    assert names[9] == course.principles.get(number=9).name  # nothing better than the original
