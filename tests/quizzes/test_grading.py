"""Pure grading: a frozen question and a learner's answer give a grade, without the database.

Snapshots are built by `snapshot_of` from unsaved questions, exactly as an attempt freezes them.
"""

from decimal import Decimal

import pytest

from academy.core.text import cyrillic_to_latin, fold, strip_diacritics
from quizzes.grading import InvalidAnswer, clean_response, feedback_for, grade
from tests.quizzes.conftest import (
    correct_choice_id,
    correct_matching,
    matching,
    multiple_choice,
    numeric,
    open_question,
    short_answer,
    single_choice,
    snapshot_of,
    true_false,
    wrong_choice_id,
)


def graded(snapshot, raw):
    """Clean the answer as the service does, then grade it."""
    return grade(snapshot, clean_response(snapshot, raw))


def choice_ids(snapshot, text_list):
    return [c["id"] for c in snapshot["choices"] if c["text"] in text_list]


# Single choice and true/false


def test_single_choice_earns_its_points_only_for_the_correct_choice():
    snapshot = snapshot_of(single_choice(points=2))

    right = graded(snapshot, correct_choice_id(snapshot))
    wrong = graded(snapshot, wrong_choice_id(snapshot))

    assert (right.score, right.max_score, right.is_correct) == (Decimal(2), Decimal(2), True)
    assert (wrong.score, wrong.is_correct) == (Decimal(0), False)


def test_a_blank_answer_scores_nothing_and_is_not_correct():
    snapshot = snapshot_of(single_choice())

    result = graded(snapshot, "")

    assert (result.score, result.is_correct, result.pending) == (Decimal(0), False, False)


def test_true_false_compares_with_the_key():
    says_true = snapshot_of(true_false(answer="true"))
    says_false = snapshot_of(true_false(answer="false"))

    assert graded(says_true, "true").is_correct is True
    assert graded(says_true, "false").score == 0
    assert graded(says_false, "false").score == 1


def test_feedback_is_that_of_the_chosen_answer_only():
    snapshot = snapshot_of(single_choice())
    rule_of_law = choice_ids(snapshot, ["Rule of Law"])[0]
    tf = snapshot_of(true_false())

    assert feedback_for(snapshot, correct_choice_id(snapshot)) == ["Yes: principle 6."]
    assert feedback_for(snapshot, rule_of_law) == ["Not this one."]
    assert feedback_for(snapshot, None) == []
    assert feedback_for(tf, "false") == ["Look again at the label's validity."]


# Multiple choice


def test_multiple_choice_all_or_nothing_needs_exactly_the_correct_choices():
    snapshot = snapshot_of(multiple_choice(partial_credit=False, points=2))
    both = choice_ids(snapshot, ["Participation", "Ethical Conduct"])

    assert graded(snapshot, both).score == Decimal(2)
    assert graded(snapshot, both[:1]).score == 0
    assert graded(snapshot, [*both, *choice_ids(snapshot, ["Maximum Secrecy"])]).score == 0


def test_multiple_choice_partial_credit_counts_right_choices_minus_wrong_ones():
    snapshot = snapshot_of(multiple_choice(partial_credit=True, points=2))
    participation, ethics = choice_ids(snapshot, ["Participation", "Ethical Conduct"])
    secrecy = choice_ids(snapshot, ["Maximum Secrecy"])[0]

    half = graded(snapshot, [participation])
    assert (half.score, half.is_correct) == (Decimal("1.00"), False)
    assert graded(snapshot, [participation, ethics]).score == Decimal(2)
    assert graded(snapshot, [participation, ethics, secrecy]).score == Decimal("1.00")
    # A wrong choice cancels a right one; the score never goes below zero.
    assert graded(snapshot, [participation, secrecy]).score == 0
    assert graded(snapshot, [secrecy]).score == 0


@pytest.mark.parametrize("partial_credit", [False, True])
def test_ticking_every_choice_earns_nothing(partial_credit):
    # Three of four are correct, so "right minus wrong" alone would give two thirds.
    question = multiple_choice(partial_credit=partial_credit, points=3)
    question["answer_key"][0]["value"]["choices"][3]["is_correct"] = True
    snapshot = snapshot_of(question)
    everything = [c["id"] for c in snapshot["choices"]]
    right_ones = [c["id"] for c in snapshot["choices"] if c["correct"]]

    assert graded(snapshot, everything).score == 0
    assert graded(snapshot, right_ones).score == Decimal(3)


def test_multiple_choice_feedback_lists_each_chosen_choice_with_feedback():
    snapshot = snapshot_of(multiple_choice())
    chosen = choice_ids(snapshot, ["Participation", "Maximum Secrecy", "Personal Loyalty"])

    assert feedback_for(snapshot, chosen) == ["Principle one.", "Never."]


# Short answer


@pytest.mark.parametrize("typed", ["Žepče", "žepče", "ŽEPČE", "  Žepče ", "\tžEpČe\n"])
def test_short_answer_ignores_case_and_surrounding_space(typed):
    assert graded(snapshot_of(short_answer(accepted=["Žepče"])), typed).is_correct is True


def test_short_answer_ignores_repeated_spaces_inside_the_answer():
    snapshot = snapshot_of(short_answer(accepted=["Banja Luka"]))

    assert graded(snapshot, "banja    luka").is_correct is True
    assert graded(snapshot, "banjaluka").is_correct is False


def test_short_answer_accepts_any_of_several_answers():
    snapshot = snapshot_of(short_answer(accepted=["Council of Europe", "CoE"]))

    assert graded(snapshot, "coe").is_correct is True
    assert graded(snapshot, "council of europe").is_correct is True
    assert graded(snapshot, "European Union").is_correct is False


@pytest.mark.parametrize(
    ("ignore_diacritics", "ignore_script", "accepted_answers"),
    [
        (False, False, {"Žepče", "ŽEPČE"}),
        (True, False, {"Žepče", "ŽEPČE", "zepce", "ZEPCE"}),
        (False, True, {"Žepče", "ŽEPČE", "Жепче", "ЖЕПЧЕ"}),
        (True, True, {"Žepče", "ŽEPČE", "zepce", "ZEPCE", "Жепче", "ЖЕПЧЕ"}),
    ],
)
def test_diacritics_and_script_are_ignored_only_when_the_trainer_allows_it(
    ignore_diacritics, ignore_script, accepted_answers
):
    snapshot = snapshot_of(
        short_answer(
            accepted=["Žepče"], ignore_diacritics=ignore_diacritics, ignore_script=ignore_script
        )
    )

    verdicts = {
        typed: graded(snapshot, typed).is_correct
        for typed in ["Žepče", "ŽEPČE", "zepce", "ZEPCE", "Жепче", "ЖЕПЧЕ"]
    }

    assert {typed for typed, correct in verdicts.items() if correct} == accepted_answers


def test_a_cyrillic_key_accepts_latin_answers_when_script_is_ignored():
    snapshot = snapshot_of(short_answer(accepted=["Љубиње"], ignore_script=True))

    assert graded(snapshot, "Ljubinje").is_correct is True
    assert graded(snapshot, "ljubinje").is_correct is True
    assert graded(snapshot, "Lubinje").is_correct is False


# Numbers


def test_numeric_answer_must_equal_the_value_without_tolerance():
    snapshot = snapshot_of(numeric(value="12", tolerance="0"))

    assert graded(snapshot, "12").is_correct is True
    assert graded(snapshot, "12.0").is_correct is True
    assert graded(snapshot, " 12 ").is_correct is True
    assert graded(snapshot, "12.01").is_correct is False


def test_numeric_answer_within_the_tolerance_is_correct():
    snapshot = snapshot_of(numeric(value="3.2", tolerance="0.5", points=2))

    assert graded(snapshot, "3.7").score == Decimal(2)
    assert graded(snapshot, "2.7").score == Decimal(2)
    assert graded(snapshot, "3.71").score == 0
    assert graded(snapshot, "2.69").score == 0


def test_numbers_may_be_typed_with_a_decimal_comma():
    snapshot = snapshot_of(numeric(value="3.5", tolerance="0"))

    assert clean_response(snapshot, "3,5") == "3.5"
    assert graded(snapshot, "3,5").is_correct is True
    assert clean_response(snapshot, "1 000") == "1000"


# Matching


def test_matching_earns_credit_for_each_correct_pair():
    snapshot = snapshot_of(matching(points=3))
    correct = correct_matching(snapshot)
    first, second, third = list(correct)
    swapped = {**correct, second: correct[third], third: correct[second]}

    assert graded(snapshot, correct).score == Decimal(3)
    assert graded(snapshot, correct).is_correct is True
    one_right = graded(snapshot, swapped)
    assert (one_right.score, one_right.is_correct) == (Decimal("1.00"), False)
    assert graded(snapshot, {first: correct[first], second: correct[second]}).score == Decimal(2)


def test_matching_options_carry_their_own_ids_not_the_items_ids():
    snapshot = snapshot_of(matching())

    item_ids = {pair["id"] for pair in snapshot["pairs"]}
    option_ids = set(snapshot["right_order"])

    assert option_ids == {pair["right_id"] for pair in snapshot["pairs"]}
    assert not option_ids & item_ids


# Open answers


def test_an_open_answer_waits_for_a_trainer():
    snapshot = snapshot_of(open_question(points=5))

    result = graded(snapshot, "We will hold two public hearings.")

    assert result.pending is True
    assert result.is_correct is None
    assert (result.score, result.max_score) == (Decimal(0), Decimal(5))


def test_a_blank_open_answer_needs_no_trainer():
    result = graded(snapshot_of(open_question()), "   ")

    assert (result.pending, result.is_correct, result.score) == (False, False, Decimal(0))


# Cleaning answers: forged and malformed values are refused


def test_a_forged_choice_id_is_refused():
    snapshot = snapshot_of(single_choice())

    with pytest.raises(InvalidAnswer, match="does not belong to this question"):
        clean_response(snapshot, "00000000-0000-0000-0000-000000000000")


def test_a_choice_id_from_another_question_is_refused():
    snapshot = snapshot_of(single_choice())
    other = snapshot_of(single_choice("Which principle covers the rule of law?"))

    with pytest.raises(InvalidAnswer, match="does not belong to this question"):
        clean_response(snapshot, correct_choice_id(other))
    with pytest.raises(InvalidAnswer, match="does not belong to this question"):
        clean_response(snapshot_of(multiple_choice()), [correct_choice_id(snapshot)])


def test_multiple_choice_with_one_forged_id_among_real_ones_is_refused():
    snapshot = snapshot_of(multiple_choice())
    real = [c["id"] for c in snapshot["choices"]][:2]

    with pytest.raises(InvalidAnswer):
        clean_response(snapshot, [*real, "forged"])


@pytest.mark.parametrize("typed", ["twelve", "12 apples", "NaN", "Infinity", "1.234,5", "3..5"])
def test_an_answer_that_is_not_a_number_is_refused(typed):
    with pytest.raises(InvalidAnswer, match="Enter a number"):
        clean_response(snapshot_of(numeric()), typed)


@pytest.mark.parametrize(("question", "limit"), [(short_answer(), 500), (open_question(), 20000)])
def test_a_too_long_text_answer_is_refused(question, limit):
    snapshot = snapshot_of(question)

    assert clean_response(snapshot, "x" * limit) == "x" * limit
    with pytest.raises(InvalidAnswer, match=f"at most {limit} characters"):
        clean_response(snapshot, "x" * (limit + 1))


def test_matching_with_an_unknown_item_or_answer_is_refused():
    snapshot = snapshot_of(matching())
    correct = correct_matching(snapshot)
    item = next(iter(correct))

    with pytest.raises(InvalidAnswer, match="item does not belong"):
        clean_response(snapshot, {**correct, "forged-item": correct[item]})
    with pytest.raises(InvalidAnswer, match="answer does not belong"):
        clean_response(snapshot, {**correct, item: "forged-answer"})
    # An item's own id is not an answer: the answers have ids of their own.
    with pytest.raises(InvalidAnswer, match="answer does not belong"):
        clean_response(snapshot, {item: item})


def test_true_false_accepts_only_true_or_false():
    with pytest.raises(InvalidAnswer, match="Answer true or false"):
        clean_response(snapshot_of(true_false()), "yes")


@pytest.mark.parametrize(
    ("question", "malformed"),
    [
        (single_choice(), ["a", "b"]),
        (single_choice(), {"id": "a"}),
        (multiple_choice(), "not a list"),
        (multiple_choice(), [["nested"]]),
        (matching(), ["not", "a", "mapping"]),
        (short_answer(), ["text"]),
        (open_question(), 42),
    ],
)
def test_a_value_of_the_wrong_shape_is_refused_not_crashed_on(question, malformed):
    with pytest.raises(InvalidAnswer):
        clean_response(snapshot_of(question), malformed)


def test_a_matching_answer_that_is_not_an_id_is_refused():
    snapshot = snapshot_of(matching())
    item = snapshot["pairs"][0]["id"]

    with pytest.raises(InvalidAnswer, match="answer does not belong"):
        clean_response(snapshot, {item: [snapshot["pairs"][0]["right_id"]]})


def test_clean_answers_are_stored_in_one_form():
    multiple = snapshot_of(multiple_choice())
    ids = [c["id"] for c in multiple["choices"]]

    assert clean_response(multiple, [ids[1], ids[0], ids[1]]) == sorted({ids[0], ids[1]})
    assert clean_response(snapshot_of(short_answer()), "  Žepče  ") == "Žepče"
    assert clean_response(snapshot_of(short_answer()), "   ") is None
    assert clean_response(snapshot_of(single_choice()), "") is None
    assert clean_response(snapshot_of(matching()), {}) is None


# Text folding for Bosnian, Croatian and Serbian


def test_cyrillic_becomes_serbian_latin_with_digraphs():
    assert cyrillic_to_latin("Жепче") == "Žepče"
    assert cyrillic_to_latin("Љубиње") == "Ljubinje"
    assert cyrillic_to_latin("Његош") == "Njegoš"
    assert cyrillic_to_latin("Џамија") == "Džamija"
    assert cyrillic_to_latin("љ њ џ") == "lj nj dž"
    assert cyrillic_to_latin("Ћуприја и Ђаково") == "Ćuprija i Đakovo"
    assert cyrillic_to_latin("Žepče 2024") == "Žepče 2024"


def test_diacritics_are_stripped_and_dj_is_spelled_out():
    assert strip_diacritics("Žepče") == "Zepce"
    assert strip_diacritics("Đurđevac") == "Djurdjevac"
    assert strip_diacritics("Ćuprija") == "Cuprija"


def test_fold_ignores_case_and_spaces_always_and_script_and_diacritics_on_request():
    assert fold("  Žepče   Grad ") == "žepče grad"
    assert fold("Жепче") == "жепче"
    assert fold("Жепче", ignore_script=True) == "žepče"
    assert fold("Жепче", ignore_script=True, ignore_diacritics=True) == "zepce"
    assert fold("ЉУБИЊЕ", ignore_script=True) == "ljubinje"
    assert fold("ĐAKOVO", ignore_diacritics=True) == "djakovo"
    # Composed and decomposed forms of the same letter compare equal.
    assert fold("Z\u030cepc\u030ce") == fold("Žepče")
