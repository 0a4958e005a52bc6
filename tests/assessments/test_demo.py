"""The ELoGE demo: twelve municipalities at every step, loaded twice without change."""

from io import StringIO

import pytest
from django.core.management import call_command

from assessments.models import (
    Assessment,
    AssessmentEvent,
    Label,
    Rating,
    SurveyResponse,
)
from assessments.selectors import profile_for, recommendations_for
from demo import assessments as demo_assessments

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (Assessment, Rating, AssessmentEvent, Label, SurveyResponse)
    ]


def test_the_eloge_demo_shows_every_step_and_is_idempotent():
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    demo_assessments.load(stdout=out)
    first = counts()
    demo_assessments.load()

    assert counts() == first
    assert "ELoGE 2026" in out.getvalue()
    statuses = sorted(Assessment.objects.values_list("status", flat=True))
    assert len(statuses) == 12
    assert set(statuses) == {"draft", "submitted", "returned", "decided"}
    assert Label.objects.count() == 3
    maglaj = Assessment.objects.select_related("cycle").get(municipality__name="Općina Maglaj")
    profile = profile_for(assessment=maglaj)
    shown = {audience.audience: audience.shown for audience in profile.audiences}
    assert shown["citizens"] and not shown["representatives"]  # one audience below the minimum
    titles = [r.course.title for r in recommendations_for(profile=profile)]
    assert "LAP Stage 1 - Leadership for Organisations" in titles
