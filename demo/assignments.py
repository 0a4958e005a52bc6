"""The demo course's assignment: "Map your municipality's open data", with a three-criterion
rubric, in every demo language, and two cohort learners' work (one graded, one waiting).
Content is data: demo/data/assignments.toml. Idempotent: found by slug, work made only once."""

import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

from django.core.management.color import color_style
from django.db import transaction
from django.utils import timezone

from academy.accounts.models import User
from assignments.models import AssignmentPage, Submission
from assignments.services import submission_grade, submission_save, submission_submit
from courses.models import Cohort, CoursePage, ModulePage
from demo.translations import ensure_translation

DATA = Path(__file__).resolve().parent / "data" / "assignments.toml"


def data() -> dict:
    with DATA.open("rb") as file:
        return tomllib.load(file)


def load(*, stdout=None) -> None:
    plan = data()
    course = CoursePage.objects.filter(slug="lap-stage-1", locale__language_code="en").first()
    cohort = Cohort.objects.filter(course=course).order_by("pk").first()
    if course is None or cohort is None:
        return
    with transaction.atomic():
        module = ModulePage.objects.child_of(course).order_by("path")[plan["module"] - 1]
        assignment = AssignmentPage.objects.child_of(module).filter(slug=plan["slug"]).first()
        if assignment is None:
            assignment = AssignmentPage(
                title=plan["title"],
                slug=plan["slug"],
                instructions=[{"type": "paragraph", "value": plan["instructions"]}],
                rubric=[_criterion(row) for row in plan["criteria"]],
                pass_mark=plan["pass_mark"],
                due_at=_end_of_day_in(plan["due_in_days"]),
                required_for_certificate=plan["required_for_certificate"],
            )
            module.add_child(instance=assignment)
            assignment.save_revision().publish()
        for language, texts in plan["translations"].items():
            if module.get_translations().filter(locale__language_code=language).exists():
                ensure_translation(assignment, language, _translated(assignment, texts))
    with transaction.atomic():
        made = _work(plan, assignment, cohort, course)
    if stdout is not None:
        stdout.write(color_style().SUCCESS(f"Assignments: {assignment.title} ({made} new work)."))


def _end_of_day_in(days):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def _criterion(row) -> dict:
    return {
        "type": "criterion",
        "value": {
            "title": row["title"],
            "description": row["description"],
            "principles": row["principles"],
            "levels": [
                {"name": name, "description": text, "points": points}
                for name, text, points in row["levels"]
            ],
        },
    }


def _translated(assignment, texts) -> dict:
    """The translation's title, instructions and rubric: the English rubric's blocks (their ids
    and points kept) with translated names."""
    rubric = assignment.rubric.get_prep_value()
    for criterion, (title, level_names) in zip(rubric, texts["criteria"], strict=True):
        criterion["value"]["title"] = title
        for level, name in zip(criterion["value"]["levels"], level_names, strict=True):
            (level["value"] if "type" in level else level)["name"] = name  # a ListBlock item
    return {
        "title": texts["title"],
        "instructions": [{"type": "paragraph", "value": texts["instructions"]}],
        "rubric": rubric,
    }


def _work(plan, assignment, cohort, course) -> int:
    """The cohort's first learners (by name) hand in; the first is graded by the trainer."""
    if Submission.objects.filter(assignment=assignment).exists():
        return 0
    learners = list(
        User.objects.filter(enrollments__cohort=cohort)
        .exclude(email="learner@lap.example")  # the demo learner does it themselves
        .order_by("full_name", "pk")
    )
    trainer = course.trainers.first()
    for row in plan["work"]:
        learner = learners[row["learner"] - 1]
        submission_save(assignment=assignment, learner=learner, text=row["text"])
        submitted = submission_submit(assignment=assignment, learner=learner)
        if "levels" in row and trainer is not None:
            levels = {
                criterion["id"]: criterion["levels"][pick]["id"]
                for criterion, pick in zip(submitted.rubric, row["levels"], strict=True)
            }
            submission_grade(
                submission=submitted,
                grader=trainer,
                levels=levels,
                criterion_feedback={},
                feedback=row["feedback"],
            )
    return len(plan["work"])
