"""Mastery of the 12 Principles of Good Democratic Governance, for a learner or a group.

For each principle p and learner L, over the courses L is enrolled in:

    coverage(p) = lessons tagged p that L completed / lessons tagged p          (live lessons)
    quiz(p)     = points L scored on quiz questions and assignment rubric criteria tagged p
                  / points available on them   (L's best graded attempt of each quiz and best
                  graded version of each assignment; questions and rubric as frozen in them)
    mastery(p)  = 0.4 * coverage(p) + 0.6 * quiz(p)    when both exist,
                  coverage(p) or quiz(p)                when only one exists,
                  none                                  when p appears in neither.

A group's (cohort's, organisation's) mastery of p is the mean of its learners' mastery of p,
over the learners for whom it exists. Mastery "as of" a moment counts only the lessons completed
and the quiz attempts submitted and assignments graded by then (a cohort's mastery at its start
and now). Scores reach this module through registered score sources (quizzes and assignments
register one each), so `courses` imports neither.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone

from academy.governance.selectors import principle_names

from .models import Enrollment, LessonPage, StepProgress

LESSON_WEIGHT = 0.4
QUIZ_WEIGHT = 0.6

_score_sources = []


def register_score_source(source):
    """`source(learner_ids, courses, as_of=None)` returns {learner_id: {principle_number: (score,
    max)}}, counting only what was submitted by `as_of` when given."""
    if source not in _score_sources:
        _score_sources.append(source)


@dataclass(frozen=True)
class PrincipleMastery:
    number: int
    name: str
    coverage: float | None
    quiz: float | None

    @property
    def mastery(self) -> float | None:
        return combine(self.coverage, self.quiz)

    @property
    def percent(self) -> int | None:
        return None if self.mastery is None else round(100 * self.mastery)


def combine(coverage: float | None, quiz: float | None) -> float | None:
    if coverage is None:
        return quiz
    if quiz is None:
        return coverage
    return LESSON_WEIGHT * coverage + QUIZ_WEIGHT * quiz


def ratio(part, whole) -> float | None:
    return float(part) / float(whole) if whole else None


def lesson_coverage(learner_ids, courses, as_of=None) -> dict:
    """{learner_id: {principle_number: (lessons completed (by `as_of`), lessons)}} in four
    queries."""
    if not courses or not learner_ids:
        return {}
    under = reduce(or_, (Q(path__startswith=c.path) for c in courses))
    lessons = list(LessonPage.objects.live().filter(under).prefetch_related("principles"))
    course_paths = {c.pk: c.path for c in courses}
    enrolled = defaultdict(set)
    for learner_id, course_id in Enrollment.objects.filter(
        learner_id__in=learner_ids, course__in=courses
    ).values_list("learner_id", "course_id"):
        enrolled[learner_id].add(course_paths[course_id])
    completed = StepProgress.objects.filter(
        learner_id__in=learner_ids, step_id__in=[lesson.pk for lesson in lessons]
    ).exclude(completed_at=None)
    if as_of is not None:
        completed = completed.filter(completed_at__lte=as_of)
    done = set(completed.values_list("learner_id", "step_id"))
    coverage = {}
    for learner_id in learner_ids:
        counts = defaultdict(lambda: [0, 0])
        for lesson in lessons:
            if not any(lesson.path.startswith(path) for path in enrolled[learner_id]):
                continue
            for principle in lesson.principles.all():
                counts[principle.number][1] += 1
                counts[principle.number][0] += (learner_id, lesson.pk) in done
        coverage[learner_id] = {number: tuple(pair) for number, pair in counts.items()}
    return coverage


def mastery_for_learners(learner_ids, courses, as_of=None) -> dict[int, list[PrincipleMastery]]:
    """Each learner's mastery of all 12 principles (None where a principle is not covered), now
    or as of a moment."""
    coverage = lesson_coverage(learner_ids, courses, as_of)
    quiz_scores = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for source in _score_sources:
        for learner_id, by_principle in source(learner_ids, courses, as_of=as_of).items():
            for number, (score, maximum) in by_principle.items():
                quiz_scores[learner_id][number][0] += float(score)
                quiz_scores[learner_id][number][1] += float(maximum)
    names = principle_names()  # in the reader's language
    return {
        learner_id: [
            PrincipleMastery(
                number=number,
                name=name,
                coverage=ratio(*coverage.get(learner_id, {}).get(number, (0, 0))),
                quiz=ratio(*quiz_scores[learner_id].get(number, (0, 0))),
            )
            for number, name in sorted(names.items())
        ]
        for learner_id in learner_ids
    }


def group_mastery(per_learner: dict[int, list[PrincipleMastery]]) -> list[dict]:
    """Mean mastery per principle over the learners who have one (for cohorts, organisations)."""
    rows = defaultdict(list)
    names = {}
    for masteries in per_learner.values():
        for m in masteries:
            names[m.number] = m.name
            if m.mastery is not None:
                rows[m.number].append(m.mastery)
    return [
        {
            "number": number,
            "name": names[number],
            "learners": len(rows[number]),
            "mastery": (mean := sum(rows[number]) / len(rows[number]) if rows[number] else None),
            "percent": None if mean is None else round(100 * mean),
        }
        for number in sorted(names)
    ]


def cohort_mastery_change(cohort, learner_ids) -> list[dict]:
    """The cohort's mastery now, each principle's row with `before`: the percent when the cohort
    began (what the learners had done on their own by then), or None before it starts. What
    the cohort learnt is the difference."""
    now = group_mastery(mastery_for_learners(learner_ids, [cohort.course])) if learner_ids else []
    if not now or not cohort.starts_on or cohort.starts_on > timezone.localdate():
        return [{**row, "before": None} for row in now]
    began = datetime.combine(cohort.starts_on, time.min, tzinfo=timezone.get_current_timezone())
    before = {
        row["number"]: row["percent"]
        for row in group_mastery(mastery_for_learners(learner_ids, [cohort.course], as_of=began))
    }
    return [{**row, "before": before.get(row["number"])} for row in now]
