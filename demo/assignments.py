"""The demo course's assignment: "Map your municipality's open data", with a three-criterion
rubric, in every demo language, and two cohort learners' work (one graded, one waiting); and the
action plan step at the course's end, with one municipality's plan under way.
Content is data: demo/data/assignments.toml. Idempotent: found by slug, work made only once."""

import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

from django.core.management.color import color_style
from django.db import transaction
from django.utils import timezone

from academy.accounts.models import User
from assignments.models import ActionPlan, ActionPlanPage, AssignmentPage, Submission
from assignments.peer_reviews import peer_review_submit, peer_reviews_assign
from assignments.plans import (
    plan_action_add,
    plan_action_status,
    plan_goal_add,
    plan_review,
    plan_start,
    plan_submit,
)
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
                peer_review=True,
                peer_reviews_per_learner=plan["peer_reviews_per_learner"],
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
    with transaction.atomic():
        step = _plan_step(plan["plan"], course)
        _plan(plan["plan"], step, cohort, course)
    if stdout is not None:
        stdout.write(color_style().SUCCESS(f"Assignments: {assignment.title} ({made} new work)."))


def _plan_step(data, course) -> ActionPlanPage:
    module = ModulePage.objects.child_of(course).order_by("path")[data["module"] - 1]
    step = ActionPlanPage.objects.child_of(module).filter(slug=data["slug"]).first()
    if step is None:
        step = ActionPlanPage(
            title=data["title"],
            slug=data["slug"],
            instructions=[{"type": "paragraph", "value": data["instructions"]}],
        )
        module.add_child(instance=step)
        step.save_revision().publish()
    for language, texts in data["translations"].items():
        if module.get_translations().filter(locale__language_code=language).exists():
            ensure_translation(
                step,
                language,
                {
                    "title": texts["title"],
                    "instructions": [{"type": "paragraph", "value": texts["instructions"]}],
                },
            )
    return step


def _plan(data, step, cohort, course) -> None:
    """One municipality's plan: two goals, three actions, one under way, approved by the
    trainer."""
    if ActionPlan.objects.filter(step=step).exists():
        return
    demo_learner = User.objects.filter(email="learner@lap.example").first()
    others = [  # of another municipality: approval completes the step for the plan's authors
        person
        for person in _cohort_learners(cohort)
        if demo_learner is None or person.organisation_id != demo_learner.organisation_id
    ]
    author = others[data["learner"] - 1]
    plan = plan_start(step=step, learner=author)
    for row in data["goals"]:
        goal = plan_goal_add(
            plan=plan,
            user=author,
            text=row["text"],
            principles=row["principles"],
            indicators=row["indicators"],
        )
        for text, owner, days, status in row["actions"]:
            action = plan_action_add(
                plan=plan,
                user=author,
                goal_id=goal.pk,
                text=text,
                owner=owner,
                due_on=timezone.localdate() + timedelta(days=days),
            )
            plan_action_status(plan=plan, user=author, action_id=action.pk, status=status)
    plan_submit(plan=plan, user=author)
    if trainer := course.trainers.first():
        plan_review(
            plan=plan,
            reviewer=trainer,
            approve=True,
            comment="A plan the council can adopt. Keep its statuses up to date.",
        )


def _cohort_learners(cohort) -> list:
    return list(
        User.objects.filter(enrollments__cohort=cohort)
        .exclude(email="learner@lap.example")  # the demo learner does it themselves
        .order_by("full_name", "pk")
    )


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
    """The cohort's first learners (by name) hand in; the first is graded by the trainer, and
    the second reviews the first's work."""
    if Submission.objects.filter(assignment=assignment).exists():
        return 0
    learners = _cohort_learners(cohort)
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
        if review := row.get("peer_review"):
            _peer_review(assignment, learner, review)
    return len(plan["work"])


def _peer_review(assignment, reviewer, review) -> None:
    """The reviewer's first review (the work of the learner who handed in first) sent."""
    first = peer_reviews_assign(assignment=assignment, reviewer=reviewer)[0]
    peer_review_submit(
        review=first,
        reviewer=reviewer,
        levels={
            criterion["id"]: criterion["levels"][pick]["id"]
            for criterion, pick in zip(first.submission.rubric, review["levels"], strict=True)
        },
        criterion_feedback={},
        feedback=review["feedback"],
    )
