"""The demo's workshops (demo/workshops.py) on the demo cohort."""

import pytest
from django.utils import timezone

from demo import workshops as demo_workshops
from workshops.models import Attendance, Meeting, Session
from workshops.requirements import minimum_attendance_problem

pytestmark = pytest.mark.django_db


def test_the_demo_cohort_gets_three_sessions_the_first_held(cohort, learners, trainer):
    demo_workshops.load()

    sessions = list(Session.objects.filter(cohort=cohort).order_by("created_at"))
    assert len(sessions) == 3
    assert Meeting.objects.filter(session__cohort=cohort).count() == 9
    held = [s for s in sessions if all(m.has_ended() for m in s.meetings.all())]
    upcoming = [s for s in sessions if all(m.starts_at > timezone.now() for m in s.meetings.all())]
    assert len(held) == 1 and len(upcoming) == 2
    assert Attendance.objects.filter(meeting__session=held[0]).count() == 3 * len(learners)
    assert sessions[0].pre_work.exists()
    below = [
        learner
        for learner in learners
        if minimum_attendance_problem(learner=learner, course=cohort.course, rule=None)
    ]
    assert below == [min(learners, key=lambda learner: learner.full_name)]


def test_loading_the_demo_again_changes_nothing(cohort, learners, trainer):
    demo_workshops.load()
    counts = (Session.objects.count(), Meeting.objects.count(), Attendance.objects.count())

    demo_workshops.load()

    assert (Session.objects.count(), Meeting.objects.count(), Attendance.objects.count()) == counts


def test_without_the_demo_cohort_it_says_so(db, capsys):
    import io

    out = io.StringIO()
    demo_workshops.load(stdout=out)

    assert "load the demo course first" in out.getvalue()
    assert not Session.objects.exists()
