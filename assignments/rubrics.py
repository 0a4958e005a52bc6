"""Rubrics as frozen data: what a submission is graded against, and its score. Pure functions:
no database, no Wagtail beyond reading the page's blocks in `rubric_snapshot`."""

from dataclasses import dataclass
from decimal import Decimal


def rubric_snapshot(rubric) -> list[dict]:
    """The page's rubric (a StreamValue of criteria) frozen into a submission, so that it is
    graded against the rubric its learner saw, whatever trainers change later."""
    return [
        {
            "id": criterion.id,
            "title": criterion.value["title"],
            "description": criterion.value["description"],
            "principles": sorted(int(n) for n in criterion.value["principles"] or []),
            "levels": [
                {
                    "id": level.id,
                    "name": level.value["name"],
                    "description": level.value["description"],
                    "points": int(level.value["points"]),
                }
                for level in criterion.value["levels"].bound_blocks
            ],
        }
        for criterion in rubric
    ]


def criterion_max(criterion: dict) -> int:
    return max((level["points"] for level in criterion["levels"]), default=0)


def assessed_criteria(snapshot: list[dict], levels: dict, feedback: dict) -> list[dict]:
    """The frozen rubric with an assessor's chosen level and feedback on each criterion."""
    return [
        {
            **criterion,
            "chosen": levels.get(criterion["id"]),
            "feedback": feedback.get(criterion["id"], ""),
            "max_points": criterion_max(criterion),
        }
        for criterion in snapshot
    ]


def rubric_max(snapshot: list[dict]) -> int:
    return sum(criterion_max(c) for c in snapshot)


class RubricMismatch(ValueError):
    """Levels that do not fit the rubric: a level of another criterion, an unknown criterion or
    a criterion left without a level."""


@dataclass(frozen=True)
class RubricResult:
    score: int
    max_score: int

    @property
    def percent(self) -> Decimal:
        if not self.max_score:
            return Decimal(0)
        return (Decimal(100) * self.score / self.max_score).quantize(Decimal("0.01"))


def rubric_result(snapshot: list[dict], chosen: dict[str, str]) -> RubricResult:
    """The score of `chosen` ({criterion id: level id}, one level for every criterion, each of
    its own criterion). Raises RubricMismatch otherwise."""
    unknown = set(chosen) - {c["id"] for c in snapshot}
    if unknown:
        raise RubricMismatch(f"criteria not in the rubric: {sorted(unknown)}")
    score = 0
    for criterion in snapshot:
        level_id = chosen.get(criterion["id"])
        if level_id is None:
            raise RubricMismatch(f"no level for {criterion['id']}")
        level = next((lv for lv in criterion["levels"] if lv["id"] == level_id), None)
        if level is None:
            raise RubricMismatch(f"{level_id} is not a level of {criterion['id']}")
        score += level["points"]
    return RubricResult(score=score, max_score=rubric_max(snapshot))


def principle_points(snapshot: list[dict], chosen: dict[str, str]) -> dict[int, tuple[int, int]]:
    """{principle number: (points chosen, points possible)} over the criteria tagged with it."""
    points: dict[int, list[int]] = {}
    for criterion in snapshot:
        level = next(
            (lv for lv in criterion["levels"] if lv["id"] == chosen.get(criterion["id"])), None
        )
        for number in criterion["principles"]:
            pair = points.setdefault(number, [0, 0])
            pair[0] += level["points"] if level else 0
            pair[1] += criterion_max(criterion)
    return {number: (got, out_of) for number, (got, out_of) in points.items()}


def peer_reviews_to_assign(
    candidates: list[dict], *, wanted: int, reviewer_organisation: int | None
) -> list[int]:
    """Which submissions a reviewer gets, from `candidates` ({"id", "organisation", "reviews",
    "submitted_at"}: colleagues' latest versions, the reviewer's own excluded): up to `wanted`,
    another organisation's before their own, then those with the fewest reviews so far, so
    that each submission gets its share, then the oldest."""

    def order(candidate):
        own = reviewer_organisation is not None and candidate["organisation"] == (
            reviewer_organisation
        )
        return (own, candidate["reviews"], candidate["submitted_at"], candidate["id"])

    return [candidate["id"] for candidate in sorted(candidates, key=order)[: max(wanted, 0)]]
