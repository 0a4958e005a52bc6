"""Quiz data for courses' mastery map and cohort matrix (registered in QuizzesConfig.ready)."""

from collections import defaultdict
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Max, Q

from academy.core.formatting import percent

from .models import AttemptAnswer, QuizAttempt, QuizPage


def quiz_principle_scores(learner_ids, courses, as_of=None) -> dict:
    """{learner_id: {principle_number: (score, max)}} from each learner's best graded attempt of
    each quiz in `courses` (submitted by `as_of` when given; principles as frozen in the
    attempt). Two queries."""
    if not courses or not learner_ids:
        return {}
    under = reduce(or_, (Q(quiz__path__startswith=c.path) for c in courses))
    graded = QuizAttempt.objects.filter(under, learner_id__in=learner_ids, percent__isnull=False)
    if as_of is not None:
        graded = graded.filter(submitted_at__lte=as_of)
    best = {}
    for attempt in graded.only("pk", "learner_id", "quiz_id", "percent").order_by("percent", "pk"):
        best[(attempt.learner_id, attempt.quiz_id)] = attempt  # highest percent wins
    learner_of = {attempt.pk: attempt.learner_id for attempt in best.values()}
    scores = defaultdict(lambda: defaultdict(lambda: [Decimal(0), Decimal(0)]))
    for attempt_id, snapshot, score in AttemptAnswer.objects.filter(
        attempt_id__in=learner_of
    ).values_list("attempt_id", "snapshot", "score"):
        for number in snapshot.get("principles", []):
            pair = scores[learner_of[attempt_id]][number]
            pair[0] += score or 0
            pair[1] += Decimal(str(snapshot["points"]))
    return {learner: {n: tuple(p) for n, p in by.items()} for learner, by in scores.items()}


def quiz_score_columns(course, learner_ids):
    """Columns for the cohort matrix: each quiz's best score per learner (two queries)."""
    quizzes = list(QuizPage.objects.live().descendant_of(course).order_by("path"))
    columns = [(f"quiz_{quiz.pk}", quiz.title) for quiz in quizzes]
    values = defaultdict(dict)
    for learner_id, quiz_id, best in (
        QuizAttempt.objects.filter(learner_id__in=learner_ids, quiz__in=quizzes)
        .values("learner_id", "quiz_id")
        .annotate(best=Max("percent"))
        .values_list("learner_id", "quiz_id", "best")
    ):
        values[learner_id][f"quiz_{quiz_id}"] = percent(best) if best is not None else "…"
    return columns, values
