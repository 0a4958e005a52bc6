"""One way to serve a step: `CourseStep.serve` gates every step type (log in, enrolled, the
visit recorded) and hands the outline on; a step type adds only what is its own."""

import pytest

from courses.services import enrollment_create
from courses.steps import CourseStep, step_models
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


def test_every_step_type_is_served_through_the_one_gate():
    models = step_models()

    assert {model.__name__ for model in models} >= {"LessonPage", "QuizPage"}
    for model in models:
        assert model.serve is CourseStep.serve, f"{model.__name__} serves itself"


def test_the_outline_reaches_the_page_through_its_context_not_the_request(
    learner_client, learner, course
):
    enrollment_create(learner=learner, course=course)

    response = learner_client.get(lessons_of(course)[0].url)

    assert response.context["outline"].is_enrolled
    assert not hasattr(response.wsgi_request, "course_outline")
