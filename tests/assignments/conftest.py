"""An assignment in a one-module course, a rubric of three criteria, files that are what their
names say (and some that are not), and the learner's steps through the page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assignments.models import AssignmentPage
from courses.models import Cohort, Enrollment, ModulePage
from courses.outline import course_of_step
from courses.services import enrollment_create
from tests.factories import _publish, make_course

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def criterion(title, *, principles=(), points=(0, 2, 4)):
    names = ["Beginning", "Developing", "Accomplished", "Exemplary"]
    return {
        "type": "criterion",
        "value": {
            "title": title,
            "description": f"How well the work shows {title.lower()}.",
            "principles": [str(n) for n in principles],
            "levels": [
                {"name": names[i], "description": "", "points": p} for i, p in enumerate(points)
            ],
        },
    }


RUBRIC = [
    criterion("Evidence from the municipality", principles=[1]),
    criterion("Citizens' participation", principles=[1, 2]),
    criterion("Clarity"),
]


def add_assignment(module, *, title="Map your municipality's open data", rubric=RUBRIC, **fields):
    slug = f"assignment-{AssignmentPage.objects.count() + 1}"
    fields.setdefault(
        "instructions",
        [{"type": "paragraph", "value": "<p>List what the municipality publishes.</p>"}],
    )
    return _publish(module, AssignmentPage(title=title, slug=slug, rubric=rubric, **fields))


def assignment_in_new_course(*, learner=None, **fields):
    """A published assignment after one lesson in a one-module course; the learner (if given)
    enrolled."""
    course = make_course(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    assignment = add_assignment(module, **fields)
    if learner is not None:
        enrollment_create(learner=learner, course=course)
    return assignment


def cohort_of(assignment, learners, name="Hercegovina 2026"):
    """A cohort of the assignment's course with `learners` enrolled in it."""
    course = course_of_step(assignment)
    cohort = Cohort.objects.create(course=course, name=name)
    for learner in learners:
        enrollment, _ = enrollment_create(learner=learner, course=course)
        Enrollment.objects.filter(pk=enrollment.pk).update(cohort=cohort)
    return cohort


@pytest.fixture
def assignment(learner):
    return assignment_in_new_course(learner=learner)


def pdf(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="photo.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def levels_for(submission, picks):
    """{criterion id: level id} choosing level index `picks[i]` of criterion i."""
    return {
        criterion["id"]: criterion["levels"][pick]["id"]
        for criterion, pick in zip(submission.rubric, picks, strict=True)
    }
