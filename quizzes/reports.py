"""Quiz item analysis: how each question of a quiz performed, so trainers can fix bad questions.
Pure functions of graded attempts, no ORM (`selectors.quiz_item_analysis_for` loads them).

A question is known by the question id frozen in its snapshot, so a question deleted since keeps
its row; its prompt (as plain text) and type are those of the last attempt listed that asked it.
Per question, over the graded attempts that drew it (a quiz drawing from a pool asks each
question of different attempts):

asked
    The number of those attempts.
answered
    How many of them gave an answer; a blank counts as asked but not answered.
correct share
    Attempts answering fully correctly / asked (a blank is not correct, as in grading; a
    partly right answer is not fully correct).
average score
    The mean of score / points over the attempts that asked it, with the points frozen in each
    snapshot, so a change of points since does not skew it. A share from 0 to 1.
discrimination index
    D = p_upper - p_lower: the correct share in the upper group minus that in the lower group.
    The groups are the attempts that asked the question, ranked by the attempt's total percent:
    the k highest form the upper group and the k lowest the lower group, with k = 27% of the n
    attempts rounded to the nearest whole number, halves up (k = (27 n + 50) // 100).

    Ties: attempts tied on percent across the edge of a group share its remaining places
    equally. If m attempts are tied for the last r places, each counts with weight r / m, so a
    group always weighs exactly k and the result does not depend on the order attempts are
    listed in. When every attempt has the same total, both groups are the same and D = 0.

    Small groups: when k < 2 (fewer than 6 attempts asked the question) D is None; one attempt
    in a group says nothing about the question.

    D runs from -1 to 1. A common rule of thumb (Ebel): 0.40 and above very good; 0.30 to 0.39
    good; 0.20 to 0.29 marginal; below 0.20 poor, revise the question; below 0, learners with
    high totals get it wrong more often than those with low totals: check the key.
most chosen wrong answer
    Single and multiple choice only (None for other types): the incorrect choice picked most
    often, counted once per attempt that picked it (in multiple choice every incorrect box
    ticked counts). Choices are matched by their text as learners saw it (spaces collapsed), not
    by id: a choice's id is frozen with each attempt, but questions saved from raw data rather
    than the editor get new choice ids each time they are loaded. Ties go to the text first in
    alphabetical order. None when no one picked an incorrect choice.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from html import unescape

from django.utils.html import strip_tags

UPPER_LOWER_SHARE = Fraction(27, 100)
MIN_GROUP_SIZE = 2
CHOICE_KINDS = ("single", "multiple")


@dataclass(frozen=True)
class AnswerRecord:
    """One question as asked in one graded attempt, with its grade."""

    question_id: int
    position: int
    snapshot: dict
    response: object
    score: Decimal | None
    is_correct: bool | None


@dataclass(frozen=True)
class GradedAttempt:
    percent: Decimal
    answers: Sequence[AnswerRecord]


@dataclass(frozen=True)
class WrongAnswer:
    text: str
    count: int


@dataclass(frozen=True)
class ItemAnalysis:
    """How one question performed (see the module docstring for each measure)."""

    question_id: int
    prompt: str
    kind: str
    asked: int
    answered: int
    correct_share: float
    average_score: float
    discrimination: float | None
    most_chosen_wrong: WrongAnswer | None

    @property
    def wrong_answer_text(self) -> str:
        return self.most_chosen_wrong.text if self.most_chosen_wrong else ""

    @property
    def wrong_answer_count(self) -> int | None:
        return self.most_chosen_wrong.count if self.most_chosen_wrong else None


def item_analysis(attempts: Sequence[GradedAttempt]) -> list[ItemAnalysis]:
    """Per question asked in `attempts`, in the order of the earliest position it was asked at
    (then by question id): the quiz's order when questions are not shuffled."""
    asked_in: dict[int, list[tuple[Decimal, AnswerRecord]]] = {}
    for attempt in attempts:
        for answer in attempt.answers:
            asked_in.setdefault(answer.question_id, []).append((attempt.percent, answer))
    order = sorted(
        asked_in,
        key=lambda question_id: (min(a.position for _p, a in asked_in[question_id]), question_id),
    )
    return [_analyse(question_id, asked_in[question_id]) for question_id in order]


def _analyse(question_id, asked: list[tuple[Decimal, AnswerRecord]]) -> ItemAnalysis:
    answers = [answer for _percent, answer in asked]
    latest = answers[-1].snapshot
    return ItemAnalysis(
        question_id=question_id,
        prompt=plain_text(latest.get("prompt", "")),
        kind=latest["kind"],
        asked=len(answers),
        answered=sum(1 for a in answers if a.response is not None),
        correct_share=float(_correct_share([(1, a) for a in answers])),
        average_score=float(sum(_score_share(a) for a in answers) / len(answers)),
        discrimination=_discrimination(asked),
        most_chosen_wrong=_most_chosen_wrong(answers) if latest["kind"] in CHOICE_KINDS else None,
    )


def _score_share(answer: AnswerRecord) -> Fraction:
    points = Fraction(Decimal(str(answer.snapshot["points"])))
    return Fraction(answer.score or 0) / points if points else Fraction(0)


def _correct_share(weighted: list[tuple[Fraction, AnswerRecord]]) -> Fraction:
    total = sum((weight for weight, _answer in weighted), Fraction(0))
    correct = sum((weight for weight, answer in weighted if answer.is_correct), Fraction(0))
    return correct / total if total else Fraction(0)


def group_size(attempt_count: int) -> int:
    """27% of the attempts, rounded to the nearest whole number (halves up)."""
    return (27 * attempt_count + 50) // 100


def _discrimination(asked: list[tuple[Decimal, AnswerRecord]]) -> float | None:
    size = group_size(len(asked))
    if size < MIN_GROUP_SIZE:
        return None
    upper = _group(asked, size, highest=True)
    lower = _group(asked, size, highest=False)
    return float(_correct_share(upper) - _correct_share(lower))


def _group(asked, size: int, *, highest: bool) -> list[tuple[Fraction, AnswerRecord]]:
    """The `size` attempts with the highest (or lowest) percent, as (weight, answer); attempts
    tied across the edge share the places left equally."""
    by_percent: dict[Decimal, list[AnswerRecord]] = {}
    for percent, answer in asked:
        by_percent.setdefault(percent, []).append(answer)
    group = []
    places = size
    for percent in sorted(by_percent, reverse=highest):
        tied = by_percent[percent]
        weight = Fraction(1) if len(tied) <= places else Fraction(places, len(tied))
        group.extend((weight, answer) for answer in tied)
        places -= min(places, len(tied))
        if not places:
            break
    return group


def _most_chosen_wrong(answers: list[AnswerRecord]) -> WrongAnswer | None:
    counts: Counter[str] = Counter()
    for answer in answers:
        if answer.snapshot["kind"] not in CHOICE_KINDS or answer.response is None:
            continue
        chosen = {answer.response} if isinstance(answer.response, str) else set(answer.response)
        for choice in answer.snapshot["choices"]:
            if choice["id"] in chosen and not choice["correct"]:
                counts[" ".join(choice["text"].split())] += 1
    if not counts:
        return None
    text = min(counts, key=lambda t: (-counts[t], t.casefold(), t))
    return WrongAnswer(text=text, count=counts[text])


# Block-level tags become spaces, so "<p>One</p><p>two</p>" reads "One two", not "Onetwo".
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|div|blockquote)\b[^>]*>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """Rich text as one line of plain text: tags removed, entities decoded, spaces collapsed."""
    return " ".join(unescape(strip_tags(_BLOCK_TAG.sub(" ", html or ""))).split())
