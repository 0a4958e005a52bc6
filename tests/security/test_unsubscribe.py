"""Reminder emails carry List-Unsubscribe and List-Unsubscribe-Post headers pointing at their own
unsubscribe link, and the mail program's one-click POST (no CSRF token, no login) works."""

from datetime import timedelta

import pytest
from django.test import Client

from courses.models import Cohort
from tests.courses.test_reminders import NOW, TODAY, enroll, link, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(course):
    return Cohort.objects.create(
        course=course, name="Hercegovina 2026", starts_on=TODAY - timedelta(days=30)
    )


def test_a_reminder_offers_one_click_unsubscribe_to_its_own_link(
    learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    enroll(learner, cohort)

    (email,) = send(mailoutbox, django_capture_on_commit_callbacks)

    in_body = "http://testserver" + link(email.body, "/reminders/unsubscribe/")
    assert email.extra_headers["List-Unsubscribe"] == f"<{in_body}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent = email.message()  # the headers as they go out, folded or not
    assert " ".join(sent["List-Unsubscribe"].split()) == f"<{in_body}>"


def test_the_mail_programs_one_click_post_unsubscribes(
    learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    enroll(learner, cohort)
    (email,) = send(mailoutbox, django_capture_on_commit_callbacks)
    url = email.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    mail_program = Client(enforce_csrf_checks=True)  # no cookie, no token, no login

    response = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    learner.refresh_from_db()
    assert learner.reminders_opt_out
    assert send(mailoutbox, django_capture_on_commit_callbacks, now=NOW) == [email]
