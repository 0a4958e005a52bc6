from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from courses.models import Cohort, Enrollment
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    assign_trainer,
    make_course,
    make_trainer,
)
from workshops.models import Meeting, Session
from workshops.services import attendance_rule_for

SARAJEVO = ZoneInfo("Europe/Sarajevo")


def sarajevo(*args) -> datetime:
    return datetime(*args, tzinfo=SARAJEVO)


def add_session(cohort, *, title="Session 1", meetings=(), **fields):
    """A session of `cohort` with meetings given as (starts_at, ends_at) pairs."""
    fields.setdefault("venue_name", "Hotel Jablanica")
    fields.setdefault("venue_municipality", "Jablanica")
    session = Session.objects.create(cohort=cohort, title=title, **fields)
    for order, (starts_at, ends_at) in enumerate(meetings):
        Meeting.objects.create(
            session=session, starts_at=starts_at, ends_at=ends_at, sort_order=order
        )
    return session


def running_meeting(cohort, *, started_minutes_ago=5, hours=3, title="Session 1"):
    now = timezone.now()
    start = now - timedelta(minutes=started_minutes_ago)
    session = add_session(cohort, title=title, meetings=[(start, start + timedelta(hours=hours))])
    return session.meetings.get()


@pytest.fixture
def workshop_course(db):
    return make_course(modules=2, lessons_per_module=2, title="LAP Stage 1")


@pytest.fixture
def trainer(workshop_course):
    return assign_trainer(
        workshop_course, make_trainer(email="trainer@lap.example", full_name="Trainer Tea")
    )


@pytest.fixture
def cohort(workshop_course, trainer):
    cohort = Cohort.objects.create(course=workshop_course, name="Hercegovina 2026")
    cohort.trainers.add(trainer)
    return cohort


@pytest.fixture
def learners(cohort, workshop_course):
    municipality = OrganisationFactory(name="Općina Jablanica")
    people = [
        UserFactory(full_name=name, organisation=municipality)
        for name in ["Amra Hodžić", "Милица Јовановић", "Željko Šarić"]
    ]
    for person in people:
        Enrollment.objects.create(learner=person, course=workshop_course, cohort=cohort)
    return people


@pytest.fixture
def rule(cohort):
    return attendance_rule_for(cohort=cohort)


@pytest.fixture
def other_cohort(db):
    course = make_course(modules=1, lessons_per_module=1, title="Other course", slug="other-course")
    return Cohort.objects.create(course=course, name="Posavina 2026")
