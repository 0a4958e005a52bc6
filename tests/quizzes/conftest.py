"""Quiz fixtures: question builders for every answer type, a course with a quiz, and helpers to
take a quiz through its URLs as a learner would.

Builders return dicts of `Question` fields (like `tests.factories.single_choice`), to pass to
`tests.factories.add_quiz`. Their correct answers, feedback and keys use distinctive words so
that tests can look for them in raw responses."""

import random

import pytest

from courses.models import ModulePage
from courses.services import enrollment_create
from quizzes.models import Question, QuizAttempt
from quizzes.snapshots import question_snapshot
from tests.factories import add_quiz, make_course, open_question, single_choice


def _question(prompt, kind, value, *, points=1, **fields):
    return {
        "prompt": f"<p>{prompt}</p>",
        "points": points,
        "answer_key": [{"type": kind, "value": value}],
        **fields,
    }


def multiple_choice(
    prompt="Which of these are principles of good democratic governance?",
    *,
    partial_credit=False,
    points=2,
):
    """Four choices; "Participation" and "Ethical Conduct" are correct."""
    return _question(
        prompt,
        "multiple",
        {
            "choices": [
                {"text": "Participation", "is_correct": True, "feedback": "Principle one."},
                {"text": "Ethical Conduct", "is_correct": True, "feedback": "Principle four."},
                {"text": "Maximum Secrecy", "is_correct": False, "feedback": "Never."},
                {"text": "Personal Loyalty", "is_correct": False, "feedback": ""},
            ],
            "partial_credit": partial_credit,
        },
        points=points,
        general_feedback="The twelve principles are listed in CM/Rec(2023)5.",
    )


def true_false(prompt="The ELoGE label is awarded for three years.", *, answer="true", points=1):
    return _question(
        prompt,
        "true_false",
        {
            "answer": answer,
            "feedback_true": "Indeed, three years of recognition.",
            "feedback_false": "Look again at the label's validity.",
        },
        points=points,
        explanation="The label is valid for three years after the assessment.",
    )


def short_answer(
    prompt="In which municipality was the first LAP adopted?",
    *,
    accepted=("Žepče",),
    ignore_diacritics=False,
    ignore_script=False,
    points=1,
):
    return _question(
        prompt,
        "short",
        {
            "accepted": list(accepted),
            "ignore_diacritics": ignore_diacritics,
            "ignore_script": ignore_script,
        },
        points=points,
    )


def numeric(prompt="How many principles are there?", *, value="12", tolerance="0", points=1):
    return _question(prompt, "numeric", {"value": value, "tolerance": tolerance}, points=points)


MATCHING_PAIRS = [
    ("Openness", "Publish the draft budget"),
    ("Participation", "Hold a public hearing"),
    ("Accountability", "Answer complaints in writing"),
]


def matching(prompt="Match each principle with a practice.", *, pairs=MATCHING_PAIRS, points=3):
    return _question(
        prompt,
        "matching",
        {"pairs": [{"left": left, "right": right} for left, right in pairs]},
        points=points,
    )


def every_kind_of_question():
    """One question of each type, in this order."""
    return [
        single_choice(),
        multiple_choice(),
        true_false(),
        short_answer(),
        numeric(),
        matching(),
        open_question(),
    ]


def quiz_in_new_course(*, questions, learner=None, **fields):
    """A published quiz after one lesson in a one-module course; the learner (if given) enrolled."""
    course = make_course(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = add_quiz(module, questions=questions, **fields)
    if learner is not None:
        enrollment_create(learner=learner, course=course)
    return quiz


@pytest.fixture
def quiz(learner):
    """A quiz of one single-choice question (1 point, pass mark 70%), the learner enrolled."""
    return quiz_in_new_course(questions=[single_choice()], learner=learner)


def answers_by_kind(attempt):
    """The attempt's answers keyed by question type (one question per type assumed)."""
    return {answer.snapshot["kind"]: answer for answer in attempt.answers.all()}


def correct_choice_id(snapshot):
    return next(c["id"] for c in snapshot["choices"] if c["correct"])


def wrong_choice_id(snapshot):
    return next(c["id"] for c in snapshot["choices"] if not c["correct"])


def correct_matching(snapshot):
    return {pair["id"]: pair["right_id"] for pair in snapshot["pairs"]}


def attempt_url(quiz, attempt, *more):
    return quiz.url + f"attempts/{attempt.pk}/" + "".join(f"{part}/" for part in more)


def start_url(quiz):
    return quiz.url + "attempts/start/"


def start_by_post(client, quiz) -> QuizAttempt:
    """Press "Start the quiz"; return the attempt the learner was sent to."""
    response = client.post(start_url(quiz))
    assert response.status_code == 302, response
    return QuizAttempt.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def post_fields(attempt, responses: dict) -> dict:
    """Form fields for `responses` keyed by position (matching responses as {left_id: right_id})."""
    data = {}
    for answer in attempt.answers.all():
        value = responses.get(answer.position)
        if value is None:
            continue
        if answer.snapshot["kind"] == "matching":
            data.update({f"q{answer.position}-{left}": right for left, right in value.items()})
        else:
            data[f"q{answer.position}"] = value
    return data


def correct_responses(attempt) -> dict:
    """A fully correct (form-shaped) response for each auto-graded question of the attempt."""
    responses = {}
    for answer in attempt.answers.all():
        snapshot = answer.snapshot
        kind = snapshot["kind"]
        if kind == "single":
            responses[answer.position] = correct_choice_id(snapshot)
        elif kind == "multiple":
            responses[answer.position] = [c["id"] for c in snapshot["choices"] if c["correct"]]
        elif kind == "true_false":
            responses[answer.position] = snapshot["answer"]
        elif kind == "short":
            responses[answer.position] = snapshot["accepted"][0]
        elif kind == "numeric":
            responses[answer.position] = snapshot["value"]
        elif kind == "matching":
            responses[answer.position] = correct_matching(snapshot)
        elif kind == "open":
            responses[answer.position] = "I will hold a public hearing in March."
    return responses


def responses_in_db(attempt) -> dict:
    return dict(attempt.answers.order_by("position").values_list("position", "response"))


def snapshot_of(question_fields, *, shuffle_choices=False, seed=0) -> dict:
    """The snapshot an attempt would freeze for a question, built without the database."""
    question = Question(**question_fields)
    return question_snapshot(question, shuffle_choices=shuffle_choices, rng=random.Random(seed))
