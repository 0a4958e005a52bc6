"""Trainers change courses while learners are in them: progress must stay right."""

import pytest

from courses.models import Enrollment
from courses.outline import course_outline_for
from courses.services import enrollment_create, step_complete
from tests.factories import add_lesson, add_module, lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(learner, course):
    """A learner who has completed the first two of four lessons."""
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course)[:2]:
        step_complete(learner=learner, course=course, step=lesson)
    return course


def progress(course, learner):
    p = course_outline_for(course=course, learner=learner).progress
    return p.completed, p.total


def test_a_lesson_added_later_counts_as_not_done(started, learner):
    add_lesson(started.get_children().last().specific, title="New lesson")
    assert progress(started, learner) == (2, 5)


def test_an_unpublished_lesson_no_longer_counts(started, learner):
    lessons_of(started)[3].unpublish()
    assert progress(started, learner) == (2, 3)


def test_an_unpublished_module_takes_its_lessons_out(started, learner):
    started.get_children().last().specific.unpublish()
    assert progress(started, learner) == (2, 2)


def test_a_completed_lesson_moved_to_another_module_stays_completed(started, learner):
    first = lessons_of(started)[0]
    other_module = started.get_children().last()
    first.move(other_module, pos="last-child")

    outline = course_outline_for(course=started, learner=learner)
    assert progress(started, learner) == (2, 4)
    assert [s.page.pk for s in outline.modules[1].steps][-1] == first.pk
    assert outline.modules[1].steps[-1].completed


def test_a_deleted_lesson_drops_out_of_progress(started, learner):
    lessons_of(started)[0].delete()
    assert progress(started, learner) == (1, 3)


def test_a_completed_course_stays_completed_when_a_lesson_is_added(learner):
    course = make_course(modules=1, lessons_per_module=2)
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    module = course.get_children().first().specific
    add_lesson(module, title="Added after completion")
    add_module(course, title="A new module")

    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert progress(course, learner) == (2, 3)
