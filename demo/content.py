"""The demo's content, read from data/: structure.toml holds what is the same in every language
(slugs, minutes, principles, block types, quiz points and answer-key flags) and <language>.toml
holds only strings, keyed by page slug. `pages()` merges the two back into page field values in
the raw form Wagtail takes (StreamField blocks, answer keys)."""

import copy
import tomllib
from functools import cache
from pathlib import Path

from courses.models import LessonPage
from quizzes.models import Question

DATA = Path(__file__).resolve().parent / "data"
# Page fields a translation sets; the rest (tags, minutes, principles, settings) stay as copied
# from the English page.
TRANSLATED_FIELDS = ("title", "summary", "audience", "learning_outcomes", "intro", "body")
# Question strings that are the question's own; the others belong to its answer key.
QUESTION_FIELDS = ("prompt", "explanation")


@cache
def structure() -> dict:
    return _read("structure")


@cache
def strings(language: str) -> dict:
    """data/<language>.toml: the demo's strings in `language`, keyed by page slug; empty for a
    language the demo is not written in (Serbian Latin is transliterated, never written)."""
    if language != "en" and language not in structure()["languages"]:
        return {}
    return _read(language)


def _read(name: str) -> dict:
    with (DATA / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def translations() -> list[str]:
    """The languages the demo is written in besides English, in the order they are loaded."""
    return list(structure()["languages"])


def pages(language: str = "en") -> dict[str, dict]:
    """Field values of every demo course page that has strings in `language`, keyed by slug:
    the structure's values with the language's strings merged in. A fresh copy on each call
    (Wagtail writes block ids into the raw data it is given)."""
    texts = strings(language)
    course = structure()["course"]
    fields = {}
    if course["slug"] in texts:
        text = texts[course["slug"]]
        fields[course["slug"]] = {
            **course,
            **text,
            "learning_outcomes": bullet_list(text["learning_outcomes"]),
        }
        del fields[course["slug"]]["modules"]
    for module in course["modules"]:
        if module["slug"] in texts:
            fields[module["slug"]] = {"slug": module["slug"], **texts[module["slug"]]}
        for lesson in module["lessons"]:
            if lesson["slug"] in texts:
                text = texts[lesson["slug"]]
                body = lesson_body(lesson["body"], text["body"])
                fields[lesson["slug"]] = {**lesson, **text, "body": body}
        quiz = module["quiz"]
        if quiz["slug"] in texts:
            text = texts[quiz["slug"]]
            questions = [
                question(row, text["questions"][str(n)]) for n, row in enumerate(quiz["questions"])
            ]
            fields[quiz["slug"]] = {**quiz, **text, "questions": questions}
    return copy.deepcopy(fields)


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def lesson_body(blocks: list[dict], texts: dict) -> list[dict]:
    """StreamField raw data: block N is the structure's block N (type and non-text values) with
    `texts[N]`, its text (a rich-text block) or its text fields (a struct block)."""
    body = []
    for n, block in enumerate(blocks):
        values = {name: value for name, value in block.items() if name != "type"}
        text = texts[str(n)]
        if isinstance(text, dict):
            text = in_field_order(LessonPage, "body", block["type"], {**values, **text})
        body.append({"type": block["type"], "value": text})
    return body


def question(row: dict, texts: dict) -> dict:
    """A quiz question: points and principles from the structure; prompt, explanation and the
    answer key's strings (choices, pairs, accepted answers, guidance, feedback) from `texts`."""
    key = {name: value for name, value in row["key"].items() if name not in ("type", "correct")}
    for name, text in texts.items():
        if name in QUESTION_FIELDS:
            continue
        if name == "choices":
            key["choices"] = [
                {
                    "text": text[str(n)]["text"],
                    "is_correct": correct,
                    "feedback": text[str(n)]["feedback"],
                }
                for n, correct in enumerate(row["key"]["correct"])
            ]
        elif name == "pairs":
            key["pairs"] = [text[str(n)] for n in range(len(text))]
        else:
            key[name] = text
    kind = row["key"]["type"]
    return {
        "prompt": texts["prompt"],
        "points": row["points"],
        "principles": row["principles"],
        "key": {"type": kind, "value": in_field_order(Question, "answer_key", kind, key)},
        "explanation": texts["explanation"],
    }


def in_field_order(model, field: str, block_type: str, values: dict) -> dict:
    """`values` in the order of the block's fields, as Wagtail's editor would save them."""
    names = _block_fields(model, field, block_type)
    return {name: values[name] for name in sorted(values, key=names.index)}


@cache
def _block_fields(model, field: str, block_type: str) -> list[str]:
    stream_block = model._meta.get_field(field).stream_block
    return list(stream_block.child_blocks[block_type].child_blocks)
