"""Emails and certificates speak the learner's language: Serbian learners get Cyrillic or Latin
script as their profile says, from the one Serbian catalogue, and the course and quiz in them are
named and linked as the learner reads them (progress and attempts stay on the originals)."""

import re
from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from academy.accounts.models import User
from certificates.models import Certificate, CertificateTemplate, CourseCertificateRule
from courses.models import Cohort, Enrollment
from courses.services import enrollment_create, reminders_send, step_complete
from courses.tasks import send_cohort_invitation
from quizzes.services import answer_grade, attempt_start, attempt_submit
from tests.factories import add_quiz, lessons_of, make_trainer, open_question
from tests.i18n.conftest import page_url, translate, version

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 16, 8, 0, tzinfo=ZoneInfo("Europe/Sarajevo"))  # a Monday morning
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Per profile language: words of the email in that script, and where its links lead. Emails and
# the certificate carry the course title in the learner's language (the course of
# tests/i18n/conftest.py is translated into sr; sr-latn is written from it).
EXPECTED = {
    "sr": {
        "reminder_subject": "Наставите курс Добро локално управљање тамо гдје сте стали",
        "reminder_body": ["Поштовани/а Amra Hodžić", "Ваша група још учи", "Наставите:"],
        "certificate_subject": "Ваш сертификат за курс Добро локално управљање",
        "certificate_body": ["Честитамо!", "Свако га може провјерити", "Академија лидерства"],
        "pdf": "Серијски број: LAP-",
        "enrollment_subject": "Уписани сте на курс Добро локално управљање",
        "graded_subject": "Ваш одговор у квизу Провјера знања је оцијењен",
        "invitation_subject": "Позвани сте на курс Добро локално управљање",
    },
    "sr-latn": {
        "reminder_subject": "Nastavite kurs Dobro lokalno upravljanje tamo gdje ste stali",
        "reminder_body": ["Poštovani/a Amra Hodžić", "Vaša grupa još uči", "Nastavite:"],
        "certificate_subject": "Vaš sertifikat za kurs Dobro lokalno upravljanje",
        "certificate_body": ["Čestitamo!", "Svako ga može provjeriti", "Akademija liderstva"],
        "pdf": "Serijski broj: LAP-",
        "enrollment_subject": "Upisani ste na kurs Dobro lokalno upravljanje",
        "graded_subject": "Vaš odgovor u kvizu Provjera znanja je ocijenjen",
        "invitation_subject": "Pozvani ste na kurs Dobro lokalno upravljanje",
    },
}


@pytest.fixture(params=EXPECTED)
def language(request, learner):
    User.objects.filter(pk=learner.pk).update(preferred_language=request.param)
    learner.refresh_from_db()
    return request.param


def reminded(learner, course, mailoutbox, capture, *, completed=()):
    """The reminder `learner` gets after completing `completed` steps and then two weeks away
    from `course`, in an active cohort."""
    cohort = Cohort.objects.create(
        course=course,
        name="Hercegovina 2026",
        starts_on=NOW.date() - timedelta(days=30),
        ends_on=NOW.date() + timedelta(days=60),
    )
    enrollment = Enrollment.objects.create(learner=learner, course=course, cohort=cohort)
    for step in completed:
        step_complete(learner=learner, course=course, step=step)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=NOW - timedelta(days=14))
    with capture(execute=True):
        reminders_send(now=NOW)
    (email,) = mailoutbox
    return email


def test_the_inactivity_reminder_is_in_the_learners_script(
    learner, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    email = reminded(learner, course, mailoutbox, django_capture_on_commit_callbacks)
    expected = EXPECTED[language]
    assert email.subject == expected["reminder_subject"]
    for words in expected["reminder_body"]:
        assert words in email.body
    assert f"http://testserver/{language}/reminders/unsubscribe/" in email.body
    assert bool(CYRILLIC.search(email.body)) == (language == "sr")


def links(body):
    return re.findall(r"http://testserver(/\S*)", body)


def test_the_reminder_names_the_course_and_leads_to_the_step_in_the_learners_language(
    learner, learner_client, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    email = reminded(learner, course, mailoutbox, django_capture_on_commit_callbacks)
    first_lesson = lessons_of(course)[0]
    assert version(course, language).title in email.body
    assert "Good Local Governance" not in email.body
    continue_url = page_url(first_lesson, language)
    assert continue_url.startswith(f"/{language}/")
    assert continue_url in links(email.body)
    assert learner_client.get(continue_url).status_code == 200


def test_the_reminder_leads_to_an_untranslated_step_under_the_learners_language(
    learner, learner_client, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    # The second lesson is in English and Bosnian only: the link keeps the learner's language
    # prefix and the fallback routing serves the Bosnian lesson there.
    first_lesson, second_lesson = lessons_of(course)

    email = reminded(
        learner, course, mailoutbox, django_capture_on_commit_callbacks, completed=[first_lesson]
    )
    bosnian = page_url(second_lesson, "bs")
    continue_url = f"/{language}/" + bosnian[len("/bs/") :]
    assert continue_url in links(email.body)
    response = learner_client.get(continue_url)
    assert response.status_code == 200
    assert "Lekcija 2.1" in response.content.decode()


def test_the_enrollment_email_names_and_links_the_course_in_the_learners_language(
    learner, learner_client, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(learner=learner, course=course)

    (email,) = mailoutbox
    assert email.subject == EXPECTED[language]["enrollment_subject"]
    assert version(course, language).title in email.body
    course_url = page_url(course, language)
    assert course_url == f"/{language}" + course.url[len("/en") :]
    assert course_url in links(email.body)
    assert learner_client.get(course_url).status_code == 200


def test_the_cohort_invitation_names_and_links_the_course_in_the_learners_language(
    learner, course, language, mailoutbox
):
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    enrollment = Enrollment.objects.create(learner=learner, course=course, cohort=cohort)

    send_cohort_invitation(enrollment.pk, False)

    (email,) = mailoutbox
    assert email.subject == EXPECTED[language]["invitation_subject"]
    assert version(course, language).title in email.body
    assert page_url(course, language) in links(email.body)


def test_the_graded_answer_email_names_and_links_the_quiz_in_the_learners_language(
    learner, learner_client, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    quiz = add_quiz(lessons_of(course)[0].get_parent(), questions=[open_question(points=4)])
    translate(quiz, "sr", title="Провјера знања")  # and its Latin version, written from it
    enrollment_create(learner=learner, course=course)
    attempt = attempt_submit(
        attempt=attempt_start(learner=learner, quiz=quiz), raw_answers={1: "A public hearing."}
    )
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        answer_grade(answer=attempt.answers.get(), score=3, comment="", grader=make_trainer())

    (email,) = mailoutbox
    assert email.subject == EXPECTED[language]["graded_subject"]
    result_url = f"{page_url(quiz, language)}attempts/{attempt.pk}/result/"
    assert result_url.startswith(f"/{language}/")
    assert result_url in links(email.body)
    assert learner_client.get(result_url).status_code == 200


def test_the_certificate_and_its_email_are_in_the_learners_script(
    learner, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    CourseCertificateRule.objects.create(
        course=course,
        template=CertificateTemplate.objects.get(title="Certificate of Completion"),
        issuance=CourseCertificateRule.Issuance.AUTOMATIC,
    )
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(learner=learner, course=course)
        for lesson in lessons_of(course):
            step_complete(learner=learner, course=course, step=lesson)

    certificate = Certificate.objects.get(learner=learner, course=course)
    assert certificate.language == language
    (email,) = [m for m in mailoutbox if m.attachments]
    expected = EXPECTED[language]
    assert email.subject == expected["certificate_subject"]
    for words in expected["certificate_body"]:
        assert words in email.body
    assert bool(CYRILLIC.search(email.body)) == (language == "sr")
    (_, pdf, _) = email.attachments[0]
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert expected["pdf"] in pdf_text


def test_a_learner_whose_language_the_course_lacks_gets_the_fallback_title_in_their_language(
    learner, learner_client, course, mailoutbox, django_capture_on_commit_callbacks
):
    # No Croatian translation: the Bosnian one (the first fallback), under /hr/.
    User.objects.filter(pk=learner.pk).update(preferred_language="hr")
    learner.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(learner=learner, course=course)

    (email,) = mailoutbox
    assert "Dobro lokalno upravljanje" in email.subject
    course_url = "/hr/" + page_url(course, "bs")[len("/bs/") :]
    assert course_url in links(email.body)
    assert learner_client.get(course_url).status_code == 200
