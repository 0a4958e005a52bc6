"""The rubric's arithmetic, as pure functions over frozen data."""

import pytest

from assignments.rubrics import RubricMismatch, principle_points, rubric_max, rubric_result


def snapshot():
    return [
        {
            "id": "c1",
            "principles": [1],
            "levels": [{"id": "a", "points": 0}, {"id": "b", "points": 4}],
        },
        {
            "id": "c2",
            "principles": [1, 2],
            "levels": [{"id": "x", "points": 1}, {"id": "y", "points": 3}],
        },
        {
            "id": "c3",
            "principles": [],
            "levels": [{"id": "p", "points": 0}, {"id": "q", "points": 2}],
        },
    ]


def test_the_score_is_the_sum_of_the_chosen_levels_out_of_each_criterions_best():
    result = rubric_result(snapshot(), {"c1": "b", "c2": "x", "c3": "q"})
    assert (result.score, result.max_score) == (7, 9)
    assert str(result.percent) == "77.78"
    assert rubric_max(snapshot()) == 9


@pytest.mark.parametrize(
    "chosen",
    [
        {"c1": "b", "c2": "x"},  # a criterion left without a level
        {"c1": "x", "c2": "x", "c3": "q"},  # a level of another criterion
        {"c1": "b", "c2": "x", "c3": "q", "c9": "a"},  # a criterion not in the rubric
        {"c1": "b", "c2": "x", "c3": "forged"},
    ],
)
def test_levels_that_do_not_fit_the_rubric_are_refused(chosen):
    with pytest.raises(RubricMismatch):
        rubric_result(snapshot(), chosen)


def test_points_count_for_each_principle_a_criterion_is_tagged_with():
    assert principle_points(snapshot(), {"c1": "b", "c2": "x", "c3": "q"}) == {
        1: (5, 7),
        2: (1, 3),
    }
