"""Learner-facing pages run a fixed number of queries, whatever the size of the course."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from academy.core.page_cache import page_cache_purge
from courses.services import enrollment_create, step_complete
from tests.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

# Measured counts, kept tight so that a regression fails here. A page's route, the course
# outline's pages and lessons' principles, the branding, and who may view a page (its
# ancestors' restrictions, kept with its route), and the page itself come from the cache
# (academy.core.page_cache.tree_cached); what is left is the learner's own: session, user,
# the enrollment with its progress (one query).
BUDGET = {"lesson": 3, "course": 4, "module": 4, "catalogue": 8, "my_learning": 11}
# Right after a publish the tree is read again: more queries, still as many for any size.
BUDGET_AFTER_PUBLISH = {
    "lesson": 18,
    "course": 20,  # and its trainers
    "module": 19,
    "catalogue": 23,
    "my_learning": 17,
}


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


def queries_for(client, url, *, after_publish=False):
    client.get(url)  # warm per-process caches (content types, site root paths)
    if after_publish:
        page_cache_purge()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("after_publish", [False, True], ids=["cached", "after a publish"])
@pytest.mark.parametrize("page", BUDGET)
def test_query_count_is_within_budget_and_the_same_for_5_and_100_lessons(
    learner_client, learner, page, after_publish
):
    small = urls(course_with(5, learner))
    small_count = queries_for(learner_client, small[page], after_publish=after_publish)
    # The large course is the only change: catalogue and dashboard now list two courses.
    large = urls(course_with(100, learner))
    large_count = queries_for(learner_client, large[page], after_publish=after_publish)

    assert large_count == small_count
    assert large_count <= (BUDGET_AFTER_PUBLISH if after_publish else BUDGET)[page]
