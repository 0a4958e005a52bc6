"""Emails and certificates speak the learner's language: Serbian learners get Cyrillic or Latin
script as their profile says, from the one Serbian catalogue."""

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
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 16, 8, 0, tzinfo=ZoneInfo("Europe/Sarajevo"))  # a Monday morning
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Per profile language: words of the email in that script, and where its links lead. The
# certificate carries the course title in the learner's language (the course of
# tests/i18n/conftest.py is translated into sr; sr-latn is written from it).
EXPECTED = {
    "sr": {
        "reminder_subject": "Наставите курс Good Local Governance тамо гдје сте стали",
        "reminder_body": ["Поштовани/а Amra Hodžić", "Ваша група још учи", "Наставите:"],
        "certificate_subject": "Ваш сертификат за курс Добро локално управљање",
        "certificate_body": ["Честитамо!", "Свако га може провјерити", "Академија лидерства"],
        "pdf": "Серијски број: LAP-",
    },
    "sr-latn": {
        "reminder_subject": "Nastavite kurs Good Local Governance tamo gdje ste stali",
        "reminder_body": ["Poštovani/a Amra Hodžić", "Vaša grupa još uči", "Nastavite:"],
        "certificate_subject": "Vaš sertifikat za kurs Dobro lokalno upravljanje",
        "certificate_body": ["Čestitamo!", "Svako ga može provjeriti", "Akademija liderstva"],
        "pdf": "Serijski broj: LAP-",
    },
}


@pytest.fixture(params=EXPECTED)
def language(request, learner):
    User.objects.filter(pk=learner.pk).update(preferred_language=request.param)
    learner.refresh_from_db()
    return request.param


def test_the_inactivity_reminder_is_in_the_learners_script(
    learner, course, language, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = Cohort.objects.create(
        course=course,
        name="Hercegovina 2026",
        starts_on=NOW.date() - timedelta(days=30),
        ends_on=NOW.date() + timedelta(days=60),
    )
    enrollment = Enrollment.objects.create(learner=learner, course=course, cohort=cohort)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=NOW - timedelta(days=14))

    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(now=NOW)

    (email,) = mailoutbox
    expected = EXPECTED[language]
    assert email.subject == expected["reminder_subject"]
    for words in expected["reminder_body"]:
        assert words in email.body
    assert f"http://testserver/{language}/reminders/unsubscribe/" in email.body
    assert bool(CYRILLIC.search(email.body)) == (language == "sr")


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
