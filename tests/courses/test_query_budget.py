"""Learner-facing pages run a fixed number of queries, whatever the size of the course."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import enrollment_create, step_complete
from tests.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

# Measured counts, kept tight so that a regression fails here. Most queries are fixed costs:
# session, user, site, Wagtail routing (one per tree level), branding settings, permissions,
# and the course's translations (one or two: see courses/translations.py).
BUDGET = {"lesson": 27, "course": 21, "module": 23, "catalogue": 22, "my_learning": 19}


def course_with(lessons, learner):
    """A course of `lessons` lessons in 5 modules, enrolled, with the first lesson done."""
    course = make_course(
        modules=5, lessons_per_module=lessons // 5, title=f"A course of {lessons} lessons"
    )
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])
    return course


def urls(course):
    lessons = lessons_of(course)
    return {
        "lesson": lessons[len(lessons) // 2].url,
        "course": course.url,
        "module": course.get_children().first().url,
        "catalogue": "/en/courses/",
        "my_learning": "/en/my-learning/",
    }


def queries_for(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page", BUDGET)
def test_query_count_is_within_budget_and_the_same_for_5_and_100_lessons(
    learner_client, learner, page, django_assert_max_num_queries
):
    small = urls(course_with(5, learner))
    small_count = queries_for(learner_client, small[page])
    # The large course is the only change: catalogue and dashboard now list two courses.
    large = urls(course_with(100, learner))
    large_count = queries_for(learner_client, large[page])

    assert large_count == small_count
    with django_assert_max_num_queries(BUDGET[page]):
        learner_client.get(large[page])
