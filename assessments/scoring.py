"""The profile's arithmetic, pure functions over numbers (docs/assessments.md, "The profile").

- A principle's self-assessment score is the mean of its three statements' ratings.
- An audience's survey score for a principle is the mean of the ratings its respondents gave it
  ("don't know" left out); shown only when the audience has at least the cycle's minimum of
  responses.
- The overall score is the mean of the 12 principles' self-assessment scores.
- The label rule is met when the overall score reaches the cycle's minimum and every principle
  reaches the cycle's minimum per principle. Reviewers decide; the rule is their yardstick.
- The weakest principles are those with the lowest self-assessment score (ties: lower number
  first); they choose the recommended modules.
All scores are on the cycle's scale (0 to its highest rating), rounded to two decimals.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def mean(values) -> Decimal | None:
    values = [Decimal(value) for value in values if value is not None]
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RuleResult:
    met: bool
    overall: Decimal | None
    below: list[int]  # principle numbers under the per-principle minimum (or unscored)


def label_rule(scores: dict[int, Decimal | None], *, min_overall, min_principle) -> RuleResult:
    """Whether self-assessment `scores` ({principle number: score}) meet a cycle's label rule."""
    overall = mean(scores.values()) if all(v is not None for v in scores.values()) else None
    below = sorted(n for n, score in scores.items() if score is None or score < min_principle)
    met = overall is not None and overall >= min_overall and not below and len(scores) == 12
    return RuleResult(met=met, overall=overall, below=below)


def weakest(scores: dict[int, Decimal | None], count: int) -> list[int]:
    """The `count` principle numbers with the lowest scores (unscored left out)."""
    scored = sorted((score, number) for number, score in scores.items() if score is not None)
    return [number for _score, number in scored[:count]]
