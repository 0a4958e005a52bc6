"""Reads for quiz pages and reports; fixed query counts whatever the number of questions or
attempts."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.images import get_image_model

from academy.governance.selectors import principle_names
from courses.translations import canonical_pk

from .grading import feedback_for, is_blank
from .models import AttemptAnswer, QuizAttempt
from .reports import AnswerRecord, GradedAttempt, ItemAnalysis, item_analysis
from .rules import review_allowed, start_refusal
from .snapshots import public_question


@dataclass
class QuizStatus:
    in_progress: QuizAttempt | None
    finished: list[QuizAttempt]
    refusal: str | None
    attempts_left: int | None = None  # None: as many as the learner likes

    @property
    def best(self):
        graded = [a for a in self.finished if a.percent is not None]
        return max(graded, key=lambda a: a.percent, default=None)

    @property
    def has_passed(self):
        return any(a.passed for a in self.finished)


def quiz_status_for(*, quiz, learner) -> QuizStatus:
    attempts = list(
        QuizAttempt.objects.filter(learner=learner, quiz_id=canonical_pk(quiz)).order_by("number")
    )
    in_progress = next((a for a in attempts if a.is_in_progress), None)
    finished = [a for a in attempts if not a.is_in_progress]
    refusal = (
        None
        if in_progress
        else start_refusal(quiz=quiz, finished_attempts=finished, now=timezone.now())
    )
    left = quiz.max_attempts - len(attempts) if quiz.max_attempts else None
    return QuizStatus(
        in_progress=in_progress,
        finished=finished,
        refusal=refusal,
        attempts_left=None if left is None else max(left, 0),
    )


def unanswered_positions(*, attempt, raw_answers: dict) -> list[int]:
    """The questions of `attempt` that `raw_answers` (as posted) leaves blank, in order."""
    positions = attempt.answers.order_by("position").values_list("position", flat=True)
    return [position for position in positions if is_blank(raw_answers.get(position))]


def attempt_of(*, learner, quiz, attempt_id) -> QuizAttempt:
    """The learner's own attempt at this quiz (in any of its languages); anyone else's is 404."""
    return get_object_or_404(
        QuizAttempt, pk=attempt_id, learner=learner, quiz_id=canonical_pk(quiz)
    )


@dataclass
class QuestionForm:
    position: int
    question: dict
    response: object
    error: str | None = None


def attempt_form_for(*, attempt, errors=None, responses=None) -> list[QuestionForm]:
    """The attempt's questions as the learner may see them, with saved answers, or with the
    answers just posted (a rejected form shows what the learner sent, blanks included)."""
    errors = errors or {}
    answers = list(attempt.answers.all())
    forms = [
        QuestionForm(
            position=answer.position,
            question=public_question(answer.snapshot),
            response=answer.response if responses is None else responses.get(answer.position),
            error=errors.get(answer.position),
        )
        for answer in answers
    ]
    return with_images(forms)


def with_images(forms: list[QuestionForm]) -> list[QuestionForm]:
    """Attach each question's image, all loaded in one query (none when no question has one)."""
    ids = {form.question["image_id"] for form in forms} - {None}
    images = get_image_model().objects.in_bulk(ids) if ids else {}
    for form in forms:
        form.question["image"] = images.get(form.question["image_id"])
    return forms


@dataclass
class ReviewRow:
    position: int
    snapshot: dict
    response: object
    score: Decimal | None
    is_correct: bool | None
    needs_grading: bool
    grader_comment: str
    feedback: list[str]


@dataclass
class PrincipleScore:
    number: int
    name: str  # in the reader's language
    score: Decimal
    max_score: Decimal

    @property
    def percent(self):
        return round(100 * self.score / self.max_score) if self.max_score else 0


@dataclass
class AttemptResult:
    attempt: QuizAttempt
    review_allowed: bool
    rows: list[ReviewRow] = field(default_factory=list)
    principles: list[PrincipleScore] = field(default_factory=list)


def attempt_result_for(*, attempt, quiz, finished) -> AttemptResult:
    """Score, pass or fail, per-principle breakdown, and per-question review if policy allows."""
    answers = list(attempt.answers.all())
    allowed = review_allowed(attempt=attempt, quiz=quiz, finished_attempts=finished)
    rows = [
        ReviewRow(
            position=a.position,
            snapshot=a.snapshot,
            response=a.response,
            score=a.score,
            is_correct=a.is_correct,
            needs_grading=a.needs_grading,
            grader_comment=a.grader_comment,
            feedback=feedback_for(a.snapshot, a.response) if allowed else [],
        )
        for a in answers
    ]
    return AttemptResult(
        attempt=attempt, review_allowed=allowed, rows=rows, principles=_by_principle(answers)
    )


def _by_principle(answers) -> list[PrincipleScore]:
    totals: dict[int, list[Decimal]] = {}
    for answer in answers:
        if answer.needs_grading:
            continue
        for number in answer.snapshot.get("principles", []):
            score, max_score = totals.setdefault(number, [Decimal(0), Decimal(0)])
            totals[number] = [
                score + (answer.score or Decimal(0)),
                max_score + Decimal(str(answer.snapshot["points"])),
            ]
    if not totals:
        return []
    names = principle_names()
    return [
        PrincipleScore(number=number, name=names[number], score=score, max_score=max_score)
        for number, (score, max_score) in sorted(totals.items())
        if number in names
    ]


@dataclass
class QuizItemAnalysis:
    attempt_count: int
    questions: list[ItemAnalysis]


def quiz_item_analysis_for(*, quiz) -> QuizItemAnalysis:
    """How each question of `quiz` performed over its graded attempts, retakes included (see
    `reports`), with questions known by their snapshot, so deleted ones keep their rows. One
    query, whatever the number of attempts; oldest attempts first, so prompts are shown as most
    recently asked."""
    rows = (
        AttemptAnswer.objects.filter(attempt__quiz=quiz, attempt__status=QuizAttempt.Status.GRADED)
        .order_by("attempt__started_at", "attempt_id", "position")
        .values_list(
            "attempt_id",
            "attempt__percent",
            "position",
            "snapshot",
            "response",
            "score",
            "is_correct",
        )
    )
    attempts: dict[int, GradedAttempt] = {}
    for attempt_id, percent, position, snapshot, response, score, is_correct in rows:
        attempt = attempts.setdefault(attempt_id, GradedAttempt(percent=percent, answers=[]))
        attempt.answers.append(
            AnswerRecord(
                question_id=snapshot["question_id"],
                position=position,
                snapshot=snapshot,
                response=response,
                score=score,
                is_correct=is_correct,
            )
        )
    return QuizItemAnalysis(
        attempt_count=len(attempts), questions=item_analysis(list(attempts.values()))
    )
