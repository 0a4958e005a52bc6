"""The ELoGE demo: the "ELoGE 2026" cycle (clearly marked as demo data) with twelve
municipalities at every step (draft, submitted, returned for changes, reviewed with and without
the label), their citizens' and councillors' surveys (one audience below the minimum of
responses), and a reviewer. Content is data: demo/data/assessments.toml.

Idempotent and quick: everything is found by its natural key (cycle name, municipality name,
email) and made only when missing; an assessment that exists is left as it is."""

import datetime
import tomllib
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management.color import color_style
from django.db import transaction
from django.utils import timezone

from academy.accounts.models import Organisation, User
from academy.accounts.roles import LEARNERS
from academy.home.models import HomePage
from assessments.models import (
    Assessment,
    AssessmentCycle,
    LabelHoldersPage,
    SurveyIntroduction,
)
from assessments.permissions import REVIEWERS
from assessments.services import (
    RatingEntry,
    assessment_decide,
    assessment_open,
    assessment_return,
    assessment_submit,
    ratings_save,
    survey_respond,
)
from demo import content
from demo.course import demo_password_hash
from demo.translations import ensure_translation

DATA = Path(__file__).resolve().parent / "data" / "assessments.toml"


def data() -> dict:
    with DATA.open("rb") as file:
        return tomllib.load(file)


def load(*, stdout=None) -> None:
    demo = data()
    with transaction.atomic():
        cycle = load_cycle(demo["cycle"])
        load_survey_introductions(cycle)
        load_label_page(demo["label_page"])
        reviewer = load_reviewer(demo["reviewer"], cycle)
        for index, row in enumerate(demo["municipalities"]):
            load_municipality(cycle, reviewer, row, index)
    if stdout is not None:
        stdout.write(
            color_style().SUCCESS(
                f"ELoGE demo loaded: {cycle.name}, {cycle.assessments.count()} municipalities"
            )
        )


def load_cycle(row) -> AssessmentCycle:
    today = timezone.localdate()
    cycle, _created = AssessmentCycle.objects.get_or_create(
        name=row["name"],
        defaults={
            # Open around whatever day the demo is loaded, so its surveys take answers.
            "starts_on": today - datetime.timedelta(days=60),
            "ends_on": today + datetime.timedelta(days=120),
            "survey_intro": row["survey_intro"],
            "scale_max": len(row["scale_labels"]) - 1,
            "scale_labels": row["scale_labels"],
            "label_min_overall": row["label_min_overall"],
            "label_min_principle": row["label_min_principle"],
            "label_valid_years": row["label_valid_years"],
            "survey_min_responses": row["survey_min_responses"],
            "recommended_principles": row["recommended_principles"],
        },
    )
    return cycle


def load_survey_introductions(cycle) -> None:
    """The survey's introduction in each language the demo is written in (Serbian once)."""
    for language in content.translations():
        text = content.strings(language).get("eloge", {}).get("survey_intro")
        if text:
            SurveyIntroduction.objects.get_or_create(
                cycle=cycle, language=language, defaults={"text": text}
            )


def load_label_page(row) -> LabelHoldersPage:
    """The public label holders page under the home page, in every language of the site (Serbian
    Latin written by publishing the Serbian Cyrillic one)."""
    home = HomePage.objects.get(locale__language_code="en")
    page = LabelHoldersPage.objects.filter(slug=row["slug"], locale=home.locale).first()
    if page is None:
        page = home.add_child(
            instance=LabelHoldersPage(title=row["title"], slug=row["slug"], intro=row["intro"])
        )
        page.save_revision().publish()
    for language in content.translations():
        ensure_translation(page, language, content.strings(language).get(row["slug"]))
    return page


def _person(email, full_name, organisation) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=None, full_name=full_name, organisation=organisation
        )
        User.objects.filter(pk=user.pk).update(password=demo_password_hash())
        user.groups.add(Group.objects.get(name=LEARNERS))
    return user


def load_reviewer(row, cycle) -> User:
    organisation, _ = Organisation.objects.get_or_create(
        name=row["organisation"], defaults={"kind": Organisation.Kind.CSO}
    )
    reviewer = _person(row["email"], row["full_name"], organisation)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    cycle.reviewers.add(reviewer)
    return reviewer


def scores_for(index: int, weak: list[int]) -> dict[int, list[int]]:
    """Three ratings per principle: the weak ones low, the rest middling to high, varied by
    municipality so that no two profiles are the same."""
    scores = {}
    for number in range(1, 13):
        if number in weak:
            base = weak.index(number)  # the weakest lowest
            scores[number] = [base % 3, (base + index) % 2, 1 + base % 2]
        else:
            scores[number] = [3 + (number + index) % 2, 3, 2 + (number * index) % 3]
    return scores


def load_municipality(cycle, reviewer, row, index) -> None:
    municipality, _ = Organisation.objects.get_or_create(
        name=row["name"],
        defaults={"kind": Organisation.Kind.MUNICIPALITY, "place": row["place"]},
    )
    coordinator = _person(
        row["coordinator"], row.get("coordinator_name", row["coordinator"]), municipality
    )
    if coordinator.organisation_id != municipality.pk:
        return  # a demo account someone moved elsewhere: leave it
    if Assessment.objects.filter(cycle=cycle, municipality=municipality).exists():
        return  # loaded before: left as it is (it may have moved on since)
    assessment = assessment_open(cycle=cycle, municipality=municipality, coordinator=coordinator)
    scores = scores_for(index, row["weak"])
    status = row["status"]
    principles = range(1, 13) if status != "draft" else range(1, 7)  # a draft is half done
    entries = [
        RatingEntry(
            number,
            statement,
            scores[number][statement - 1],
            "Demo: decided by the council; see the minutes.",
            "https://example.org/demo/minutes",
        )
        for number in principles
        for statement in range(1, 4)
    ]
    ratings_save(assessment=assessment, user=coordinator, entries=entries)
    if status != "draft":
        assessment_submit(assessment=assessment, user=coordinator)
    if status == "returned":
        assessment_return(assessment=assessment, reviewer=reviewer, comment=row["return_comment"])
    elif status in {"awarded", "not_yet"}:
        assessment_decide(
            assessment=assessment,
            reviewer=reviewer,
            awarded=status == "awarded",
            justification="Demo: the committee's reasons would be written here.",
        )
    for audience, count in row.get("surveys", {}).items():
        survey = assessment.surveys.get(audience=audience)
        for n in range(count):
            survey_respond(
                survey=survey,
                scores={
                    number: min(cycle.scale_max, max(0, round(sum(scores[number]) / 3) + n % 2))
                    for number in range(1, 13)
                },
                comment="Demo: više javnih rasprava o budžetu." if n == 0 else "",
                language="bs",
            )
