"""The weekly reminder to learners inactive for two weeks in an active cohort, and its
unsubscribe link. Time is fixed by passing `now`/`today` and setting timestamps."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from academy.accounts.models import User
from academy.core.page_cache import page_cache_purge
from courses.models import Cohort, Enrollment
from courses.reminders import learners_to_remind
from courses.services import reminders_send, reminders_unsubscribe_token
from courses.tasks import send_inactivity_reminder, send_weekly_reminders
from tests.factories import UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 16, 8, 0, tzinfo=ZoneInfo("Europe/Sarajevo"))  # a Monday morning
TODAY = NOW.date()


@pytest.fixture
def cohort(course):
    return Cohort.objects.create(
        course=course,
        name="Hercegovina 2026",
        starts_on=TODAY - timedelta(days=30),
        ends_on=TODAY + timedelta(days=60),
    )


def make_cohort(title, **dates):
    return Cohort.objects.create(
        course=make_course(title=title, modules=1, lessons_per_module=1),
        name=f"{title} cohort",
        **dates,
    )


def enroll(learner, cohort, *, inactive_days=14, **fields):
    """An enrollment through `cohort` whose last activity was `inactive_days` before NOW."""
    enrollment = Enrollment.objects.create(learner=learner, course=cohort.course, cohort=cohort)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=NOW - timedelta(days=30),
        last_activity_at=NOW - timedelta(days=inactive_days),
        **fields,
    )
    return enrollment


def reminded(today=TODAY):
    return {reminder.learner.email for reminder in learners_to_remind(today=today)}


def send(mailoutbox, capture, now=NOW):
    with capture(execute=True):
        reminders_send(now=now)
    return mailoutbox


def link(body, pattern):
    return re.search(rf"http://testserver(/\S*{pattern}\S*)", body).group(1)


# Who is reminded


def test_a_learner_inactive_for_14_days_in_an_active_cohort_is_reminded(learner, cohort):
    enroll(learner, cohort, inactive_days=14)
    assert reminded() == {learner.email}


def test_a_learner_inactive_for_13_days_is_not_reminded_yet(learner, cohort):
    enroll(learner, cohort, inactive_days=13)
    assert reminded() == set()
    assert reminded(today=TODAY + timedelta(days=1)) == {learner.email}


def test_a_learner_who_never_started_counts_from_enrollment(learner, cohort):
    enrollment = enroll(learner, cohort)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=None, enrolled_at=NOW - timedelta(days=13)
    )
    assert reminded() == set()
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=NOW - timedelta(days=14))
    assert reminded() == {learner.email}


def test_a_completed_course_is_not_reminded(learner, cohort):
    enroll(learner, cohort, status=Enrollment.Status.COMPLETED, completed_at=NOW)
    assert reminded() == set()


@pytest.mark.parametrize(
    "dates",
    [
        {"starts_on": TODAY - timedelta(days=90), "ends_on": TODAY - timedelta(days=1)},
        {"starts_on": TODAY + timedelta(days=1), "ends_on": None},
    ],
    ids=["ended", "not-started"],
)
def test_a_cohort_that_is_not_running_today_sends_no_reminders(learner, dates):
    cohort = make_cohort("Public procurement", **dates)
    enroll(learner, cohort)
    assert not cohort.is_active_on(TODAY)
    assert reminded() == set()


def test_an_open_ended_cohort_is_running(learner):
    enroll(learner, make_cohort("Public procurement", starts_on=None, ends_on=None))
    assert reminded() == {learner.email}


def test_a_learner_enrolled_without_a_cohort_is_not_reminded(learner, course):
    enrollment = Enrollment.objects.create(learner=learner, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=NOW - timedelta(days=30), last_activity_at=NOW - timedelta(days=30)
    )
    assert reminded() == set()


def test_a_learner_who_opted_out_is_not_reminded(learner, cohort):
    enroll(learner, cohort)
    User.objects.filter(pk=learner.pk).update(reminders_opt_out=True)
    assert reminded() == set()


def test_a_learner_reminded_3_days_ago_waits_a_week(learner, cohort):
    enroll(learner, cohort, inactive_days=30)
    User.objects.filter(pk=learner.pk).update(last_reminded_at=NOW - timedelta(days=3))
    assert reminded() == set()
    # Last Monday's run, even if it ran a little later in the morning, is a week ago.
    User.objects.filter(pk=learner.pk).update(
        last_reminded_at=NOW - timedelta(days=7) + timedelta(minutes=5)
    )
    assert reminded() == {learner.email}


def test_finding_learners_to_remind_takes_one_query_however_many(django_assert_num_queries, cohort):
    other = make_cohort("Public procurement")
    for n in range(5):
        learner = UserFactory()
        enroll(learner, cohort)
        if n % 2:
            enroll(learner, other)
    with django_assert_num_queries(1):
        reminders = learners_to_remind(today=TODAY)
    assert len(reminders) == 5
    assert sorted(len(r.enrollments) for r in reminders) == [1, 1, 1, 2, 2]


# The email


def test_the_email_names_the_course_and_links_to_where_the_learner_left_off(
    learner, cohort, learner_client, mailoutbox, django_capture_on_commit_callbacks
):
    lessons = lessons_of(cohort.course)
    enroll(learner, cohort, last_step_id=lessons[1].pk)

    (email,) = send(mailoutbox, django_capture_on_commit_callbacks)

    assert email.to == [learner.email]
    assert email.subject == "Continue where you left off in Good Local Governance"
    assert "Dear Amra Hodžić" in email.body
    continue_url = link(email.body, lessons[1].slug)
    assert continue_url == lessons[1].url
    assert learner_client.get(continue_url).status_code == 200
    assert "/en/reminders/unsubscribe/" in email.body


def test_a_learner_in_two_cohorts_gets_one_email_listing_both_courses(
    learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    enroll(learner, cohort)
    enroll(learner, make_cohort("Public procurement"), inactive_days=40)

    (email,) = send(mailoutbox, django_capture_on_commit_callbacks)

    assert email.subject == "Continue where you left off in your 2 courses"
    assert "Good Local Governance" in email.body
    assert "Public procurement" in email.body
    assert email.body.count("Continue:") == 2


def test_the_email_is_in_the_learners_language(
    learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    # No Bosnian catalogue is compiled yet, so the text may still be English; the links show
    # that the email was made in Bosnian.
    User.objects.filter(pk=learner.pk).update(preferred_language="bs")
    enroll(learner, cohort)

    (email,) = send(mailoutbox, django_capture_on_commit_callbacks)

    assert "http://testserver/bs/reminders/unsubscribe/" in email.body
    assert "/en/reminders/" not in email.body


def test_the_email_takes_as_many_queries_for_a_large_course_as_for_a_small_one(learner, mailoutbox):
    small = enroll(learner, make_cohort("Public procurement"))
    other = UserFactory()
    large = enroll(
        other,
        Cohort.objects.create(
            course=make_course(title="Open budgets", modules=3, lessons_per_module=4),
            name="Open budgets cohort",
        ),
    )
    send_inactivity_reminder(learner.pk, [small.pk])  # caches (site, locales) warmed
    page_cache_purge()  # the courses' pages are read, not taken from the cache

    with CaptureQueriesContext(connection) as for_small:
        send_inactivity_reminder(learner.pk, [small.pk])
    with CaptureQueriesContext(connection) as for_large:
        send_inactivity_reminder(other.pk, [large.pk])

    assert len(mailoutbox) == 3
    assert len(for_large) == len(for_small) <= 10  # with the row that logs the email sent


def test_running_twice_in_a_week_sends_once(
    learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    enroll(learner, cohort, inactive_days=20)

    send(mailoutbox, django_capture_on_commit_callbacks)
    send(mailoutbox, django_capture_on_commit_callbacks)  # a retry of the same run
    send(mailoutbox, django_capture_on_commit_callbacks, now=NOW + timedelta(days=6))
    assert len(mailoutbox) == 1
    learner.refresh_from_db()
    assert learner.last_reminded_at == NOW

    send(mailoutbox, django_capture_on_commit_callbacks, now=NOW + timedelta(days=7))
    assert len(mailoutbox) == 2


def test_reminders_are_queued_on_commit_not_during_the_run(
    learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    enroll(learner, cohort)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reminders_send(now=NOW) == 1
    assert len(callbacks) == 1  # queued on commit, not during the run
    assert mailoutbox == []


def test_a_learner_who_opts_out_before_the_task_runs_gets_nothing(learner, cohort, mailoutbox):
    enrollment = enroll(learner, cohort)
    User.objects.filter(pk=learner.pk).update(reminders_opt_out=True)
    send_inactivity_reminder(learner.pk, [enrollment.pk])
    assert mailoutbox == []


def test_a_course_completed_before_the_task_runs_is_left_out(learner, cohort, mailoutbox):
    done = enroll(learner, cohort, status=Enrollment.Status.COMPLETED, completed_at=NOW)
    send_inactivity_reminder(learner.pk, [done.pk])
    assert mailoutbox == []


def test_the_weekly_task_runs_every_monday_at_eight_in_sarajevo(
    learner, mailoutbox, django_capture_on_commit_callbacks
):
    schedule = settings.CELERY_BEAT_SCHEDULE["weekly-inactivity-reminders"]
    assert schedule["task"] == send_weekly_reminders.name
    assert schedule["schedule"] == crontab(minute=0, hour=8, day_of_week="mon")
    assert settings.CELERY_TIMEZONE == "Europe/Sarajevo"

    cohort = make_cohort("Public procurement")
    enrollment = Enrollment.objects.create(learner=learner, course=cohort.course, cohort=cohort)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=timezone.now() - timedelta(days=20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_reminders.delay()
    assert [email.to for email in mailoutbox] == [[learner.email]]


# Unsubscribing


def test_the_unsubscribe_link_asks_then_stops_reminders_without_logging_in(
    client, learner, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    enroll(learner, cohort)
    (email,) = send(mailoutbox, django_capture_on_commit_callbacks)
    url = link(email.body, "/reminders/unsubscribe/")

    page = client.get(url)
    assert page.status_code == 200
    assert "Stop reminder emails" in page.content.decode()
    learner.refresh_from_db()
    assert not learner.reminders_opt_out  # opening the link (or a mail scanner) changes nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "You will no longer receive reminders" in done.content.decode()
    learner.refresh_from_db()
    assert learner.reminders_opt_out

    send(mailoutbox, django_capture_on_commit_callbacks, now=NOW + timedelta(days=14))
    assert len(mailoutbox) == 1


def _tampered(token):
    value, signature = token.split(":", 1)
    return f"{value}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}"


@pytest.mark.parametrize(
    "make_token",
    [
        lambda learner, other: _tampered(reminders_unsubscribe_token(learner=learner)),
        # someone else's id with this learner's signature
        lambda learner, other: (
            signing.dumps(other.pk, salt="reminders-unsubscribe").split(":")[0]
            + ":"
            + reminders_unsubscribe_token(learner=learner).split(":", 1)[1]
        ),
        lambda learner, other: signing.dumps(learner.pk),  # signed for another purpose
        lambda learner, other: "not-a-token",
    ],
    ids=["tampered-signature", "swapped-id", "wrong-salt", "garbage"],
)
def test_a_forged_or_tampered_link_is_refused_and_changes_nothing(
    client, learner, other_learner, make_token
):
    url = f"/en/reminders/unsubscribe/{make_token(learner, other_learner)}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        body = response.content.decode()
        assert "This unsubscribe link is not valid." in body
        assert "Stop reminder emails" not in body
    assert not User.objects.filter(reminders_opt_out=True).exists()


def test_a_link_for_a_deleted_account_is_refused(client, learner):
    url = f"/en/reminders/unsubscribe/{reminders_unsubscribe_token(learner=learner)}/"
    learner.delete()
    assert client.post(url).status_code == 400


def test_the_profile_form_turns_reminders_back_on(learner_client, learner):
    User.objects.filter(pk=learner.pk).update(reminders_opt_out=True)
    page = learner_client.get("/en/accounts/profile/").content.decode()
    assert "No reminder emails" in page
    assert 'name="reminders_opt_out"' in page

    response = learner_client.post(
        "/en/accounts/profile/",
        {
            "full_name": learner.full_name,
            "email": learner.email,
            "organisation": "",
            "role": "",
            "preferred_language": "en",
            # an unticked checkbox is not sent
        },
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert not learner.reminders_opt_out
