"""Reads of assessments: the matrix, the profile and the modules it recommends.

Each is a fixed number of queries whatever the number of statements, ratings, evidence
documents, survey responses or municipalities (tests/assessments/test_query_budget.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count
from django.utils import timezone

from academy.core.languages import content_languages
from academy.governance.models import Principle
from courses.models import Cohort, CoursePage, LessonPage
from courses.translations import localized, originals

from .models import (
    PRINCIPLE_NUMBERS,
    STATEMENT_NUMBERS,
    Assessment,
    Label,
    LabelHoldersPage,
    Rating,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)
from .scoring import label_rule, mean, weakest


def principles_for_reader() -> dict[int, Principle]:
    """The 12 principles by number, each in the reader's language, else the first fallback
    language that has it (one query)."""
    languages = content_languages()
    found = {}
    rows = Principle.objects.filter(locale__language_code__in=languages).select_related("locale")
    for principle in sorted(rows, key=lambda p: languages.index(p.locale.language_code)):
        found.setdefault(principle.number, principle)
    return dict(sorted(found.items()))


# The matrix


@dataclass
class StatementRow:
    principle_number: int
    statement: int
    text: str
    rating: Rating | None

    @property
    def key(self) -> str:
        return f"{self.principle_number}.{self.statement}"


@dataclass
class PrincipleRows:
    principle: Principle | None
    number: int
    statements: list[StatementRow] = field(default_factory=list)


def matrix_for(*, assessment: Assessment) -> list[PrincipleRows]:
    """The 36 statements of the matrix, grouped by principle, each with its texts in the
    reader's language, its rating and its evidence documents (three queries)."""
    principles = principles_for_reader()
    ratings = {
        (rating.principle_number, rating.statement): rating
        for rating in assessment.ratings.prefetch_related("evidence")
    }
    rows = []
    for number in PRINCIPLE_NUMBERS:
        principle = principles.get(number)
        texts = [principle.outcome_1, principle.outcome_2, principle.outcome_3] if principle else []
        group = PrincipleRows(principle=principle, number=number)
        for statement in STATEMENT_NUMBERS:
            text = texts[statement - 1] if len(texts) >= statement else ""
            group.statements.append(
                StatementRow(number, statement, text, ratings.get((number, statement)))
            )
        rows.append(group)
    return rows


# The profile


@dataclass
class AudienceResult:
    audience: str
    label: str
    responses: int
    shown: bool  # at least the cycle's minimum of responses


@dataclass
class ProfileRow:
    number: int
    name: str
    self_score: Decimal | None
    previous: Decimal | None
    surveys: dict[str, Decimal | None]  # by shown audience, in order; None when unanswered

    @property
    def survey_scores(self) -> list[Decimal | None]:
        return list(self.surveys.values())

    @property
    def change(self) -> Decimal | None:
        if self.self_score is None or self.previous is None:
            return None
        return self.self_score - self.previous


@dataclass
class Profile:
    assessment: Assessment
    rows: list[ProfileRow]
    audiences: list[AudienceResult]
    previous: Assessment | None
    overall: Decimal | None
    rule_met: bool
    below: list[int]
    weakest: list[int]

    @property
    def shown_audiences(self) -> list[AudienceResult]:
        return [audience for audience in self.audiences if audience.shown]

    @property
    def weakest_rows(self) -> list[ProfileRow]:
        by_number = {row.number: row for row in self.rows}
        return [by_number[number] for number in self.weakest]

    @property
    def scale_max(self) -> int:
        return self.assessment.cycle.scale_max


def _self_scores(assessment_id) -> dict[int, Decimal | None]:
    by_principle = defaultdict(list)
    for number, score in Rating.objects.filter(
        assessment_id=assessment_id, score__isnull=False
    ).values_list("principle_number", "score"):
        by_principle[number].append(score)
    return {number: mean(by_principle.get(number, [])) for number in PRINCIPLE_NUMBERS}


def profile_for(*, assessment: Assessment) -> Profile:
    """The principle profile of `assessment` (its cycle loaded with it): self-assessment against
    each audience's survey, the change from the municipality's previous cycle, the label rule
    and the weakest principles. An audience under the cycle's minimum of responses has no
    numbers at all. Six queries."""
    cycle = assessment.cycle
    principles = principles_for_reader()
    scores = _self_scores(assessment.pk)
    counts = dict(
        SurveyResponse.objects.filter(survey__assessment=assessment)
        .values_list("survey__audience")
        .annotate(n=Count("pk"))
        .order_by()
    )
    audiences = [
        AudienceResult(
            audience=value,
            label=label,
            responses=counts.get(value, 0),
            shown=counts.get(value, 0) >= cycle.survey_min_responses,
        )
        for value, label in Survey.Audience.choices
    ]
    shown = [audience.audience for audience in audiences if audience.shown]
    survey_means = {}
    if shown:
        for audience, number, average in (
            SurveyAnswer.objects.filter(
                response__survey__assessment=assessment, response__survey__audience__in=shown
            )
            .values_list("response__survey__audience", "principle_number")
            .annotate(average=Avg("score"))
            .order_by()
        ):
            survey_means[(audience, number)] = mean([Decimal(str(average))])
    previous = (
        Assessment.objects.filter(
            municipality_id=assessment.municipality_id,
            cycle__starts_on__lt=cycle.starts_on,
        )
        .exclude(status=Assessment.Status.DRAFT)
        .order_by("-cycle__starts_on")
        .first()
    )
    previous_scores = _self_scores(previous.pk) if previous else {}
    rows = [
        ProfileRow(
            number=number,
            name=principles[number].name if number in principles else str(number),
            self_score=scores[number],
            previous=previous_scores.get(number),
            surveys={audience: survey_means.get((audience, number)) for audience in shown},
        )
        for number in PRINCIPLE_NUMBERS
    ]
    rule = label_rule(
        scores, min_overall=cycle.label_min_overall, min_principle=cycle.label_min_principle
    )
    return Profile(
        assessment=assessment,
        rows=rows,
        audiences=audiences,
        previous=previous,
        overall=rule.overall,
        rule_met=rule.met,
        below=rule.below,
        weakest=weakest(scores, cycle.recommended_principles),
    )


# Recommended modules


@dataclass
class Recommendation:
    course: CoursePage
    principles: list[int]  # the weak principles it covers, for "why"
    lessons: list[tuple[LessonPage, list[int]]]


def recommendations_for(*, profile: Profile) -> list[Recommendation]:
    """For the profile's weakest principles, the live courses and lessons tagged with them, in
    the reader's language, each with the weak principles it covers (four queries)."""
    weak = set(profile.weakest)
    if not weak:
        return []
    courses = list(originals(CoursePage.objects.live()).prefetch_related("principles"))
    lessons = list(
        originals(LessonPage.objects.live().filter(principles__number__in=weak))
        .distinct()
        .prefetch_related("principles")
    )
    shown_courses = localized(courses, CoursePage.objects.live())
    shown_lessons = localized(lessons, LessonPage.objects.live())
    found = []
    for course in courses:
        own = {p.number for p in course.principles.all()} & weak
        inside = [
            (shown_lessons[lesson.pk], sorted({p.number for p in lesson.principles.all()} & weak))
            for lesson in lessons
            if lesson.path.startswith(course.path)
        ]
        covered = own | {number for _lesson, numbers in inside for number in numbers}
        if covered:
            found.append(Recommendation(shown_courses[course.pk], sorted(covered), inside))
    return sorted(found, key=lambda r: (-len(r.principles), r.course.title))


def cohorts_of(*, organisation) -> list[Cohort]:
    """The LAP cohorts `organisation` takes part in, newest first, each with `shown_course`:
    its course in the reader's language (two queries)."""
    cohorts = list(
        Cohort.objects.filter(organisations=organisation)
        .select_related("course")
        .order_by("-starts_on", "name")
    )
    shown = localized([cohort.course for cohort in cohorts], CoursePage.objects.live())
    for cohort in cohorts:
        cohort.shown_course = shown.get(cohort.course_id, cohort.course)
    return cohorts


def current_labels() -> list[Label]:
    """The labels valid today, by municipality, with their cycle."""
    today = timezone.localdate()
    return list(
        Label.objects.filter(valid_from__lte=today, valid_until__gte=today)
        .select_related("municipality", "assessment__cycle")
        .order_by("municipality__name")
    )


def label_holders_page() -> LabelHoldersPage | None:
    """The live label holders page in the reader's language, else the best fallback, else any."""
    languages = content_languages()
    pages = LabelHoldersPage.objects.live().public().select_related("locale")
    return (
        min(
            pages.filter(locale__language_code__in=languages),
            key=lambda page: languages.index(page.locale.language_code),
            default=None,
        )
        or pages.first()
    )
