"""Freeze questions into attempts, and show learners only what they may see before review."""

import random
import secrets


def question_snapshot(question, *, shuffle_choices: bool, rng: random.Random) -> dict:
    """Everything needed to show and grade `question` later, whatever trainers change meanwhile.
    Choice and pair order are drawn here, so the attempt always shows the same order."""
    block = question.answer_key[0]
    key = block.value
    snapshot = {
        "question_id": question.pk,
        "kind": block.block_type,
        "prompt": question.prompt,
        "points": question.points,
        "image_id": question.image_id,
        "general_feedback": question.general_feedback,
        "explanation": question.explanation,
        "principles": sorted(p.number for p in question.principles.all()),
    }
    kind = block.block_type
    if kind in ("single", "multiple"):
        choices = [
            {
                "id": item.id,
                "text": item.value["text"],
                "correct": bool(item.value["is_correct"]),
                "feedback": item.value["feedback"],
            }
            for item in key["choices"].bound_blocks
        ]
        if shuffle_choices:
            rng.shuffle(choices)
        snapshot["choices"] = choices
        snapshot["partial_credit"] = bool(key.get("partial_credit", False))
    elif kind == "true_false":
        snapshot.update(
            answer=key["answer"],
            feedback_true=key["feedback_true"],
            feedback_false=key["feedback_false"],
        )
    elif kind == "short":
        snapshot.update(
            accepted=list(key["accepted"]),
            ignore_diacritics=bool(key["ignore_diacritics"]),
            ignore_script=bool(key["ignore_script"]),
        )
    elif kind == "numeric":
        snapshot.update(value=str(key["value"]), tolerance=str(key["tolerance"] or 0))
    elif kind == "matching":
        pairs = [
            {
                "id": item.id,
                "left": item.value["left"],
                "right": item.value["right"],
                "right_id": secrets.token_hex(6),
            }
            for item in key["pairs"].bound_blocks
        ]
        right_order = [pair["right_id"] for pair in pairs]
        rng.shuffle(right_order)
        snapshot.update(pairs=pairs, right_order=right_order)
    elif kind == "open":
        snapshot["guidance"] = key["guidance"]
    return snapshot


def draw_questions(questions: list, *, draw_count, shuffle: bool, rng: random.Random) -> list:
    """The questions of one attempt: a random subset when the quiz draws from a pool."""
    questions = list(questions)
    if draw_count and draw_count < len(questions):
        questions = rng.sample(questions, draw_count)
        if not shuffle:
            questions.sort(key=lambda q: q.sort_order or 0)
    elif shuffle:
        rng.shuffle(questions)
    return questions


def public_question(snapshot: dict) -> dict:
    """What a learner may see while answering: never keys, correctness or feedback."""
    shown = {key: snapshot[key] for key in ("kind", "prompt", "points", "image_id")}
    if snapshot["kind"] in ("single", "multiple"):
        shown["choices"] = [{"id": c["id"], "text": c["text"]} for c in snapshot["choices"]]
    elif snapshot["kind"] == "matching":
        rights = {pair["right_id"]: pair["right"] for pair in snapshot["pairs"]}
        shown["items"] = [{"id": pair["id"], "text": pair["left"]} for pair in snapshot["pairs"]]
        shown["options"] = [{"id": rid, "text": rights[rid]} for rid in snapshot["right_order"]]
    return shown
