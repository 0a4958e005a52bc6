"""The assignment page and the grading page run the same number of queries however many
criteria, versions and files there are (prefetches, no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assignments.peer_reviews import peer_review_submit, peer_reviews_assign
from assignments.services import submission_return, submission_save, submission_submit
from courses.outline import course_of_step
from tests.factories import UserFactory, assign_trainer

from .conftest import assignment_in_new_course, cohort_of, criterion, levels_for, pdf

pytestmark = pytest.mark.django_db


def assignment_with_history(learner, *, criteria, versions, files):
    """An assignment of `criteria` criteria that `learner` handed in `versions` times (each
    returned), each version with `files` files, and a draft of the next."""
    rubric = [criterion(f"Criterion {n}", principles=[n % 12 + 1]) for n in range(criteria)]
    assignment = assignment_in_new_course(learner=learner, rubric=rubric)
    trainer = assign_trainer(course_of_step(assignment))
    for n in range(versions):
        uploads = [pdf(f"v{n}-{k}.pdf") for k in range(files)] if n == 0 else []
        submission_save(
            assignment=assignment, learner=learner, text=f"Version {n}", uploads=uploads
        )
        submitted = submission_submit(assignment=assignment, learner=learner)
        submission_return(
            submission=submitted, grader=trainer, criterion_feedback={}, feedback="More."
        )
    submission_save(assignment=assignment, learner=learner, text="Draft")
    return assignment, trainer, submitted


def queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_assignment_page_costs_the_same_for_a_small_and_a_large_history(
    learner_client, learner
):
    small, _trainer, _last = assignment_with_history(learner, criteria=1, versions=1, files=1)
    large, _trainer, _last = assignment_with_history(learner, criteria=12, versions=4, files=5)
    assert queries(learner_client, small.url) == queries(learner_client, large.url) <= 24


def test_the_grading_page_costs_the_same_for_a_small_and_a_large_history(client, learner):
    _small, trainer, small_last = assignment_with_history(learner, criteria=1, versions=1, files=1)
    _large, other_trainer, large_last = assignment_with_history(
        learner, criteria=12, versions=4, files=5
    )
    large_last.refresh_from_db()
    client.force_login(trainer)
    small_count = queries(client, reverse("assignment_grade", args=[small_last.pk]))
    client.force_login(other_trainer)
    assert queries(client, reverse("assignment_grade", args=[large_last.pk])) == small_count <= 20


def reviewed_by_colleagues(learner, colleagues):
    """A peer-reviewed assignment `learner` handed in, each of `colleagues` reviewing it (and
    `learner` reviewing theirs)."""
    assignment = assignment_in_new_course(peer_review=True, peer_reviews_per_learner=2)
    others = [UserFactory() for _ in range(colleagues)]
    cohort_of(assignment, [learner, *others], name=f"Cohort {assignment.pk}")
    for author in [learner, *others]:
        submission_save(assignment=assignment, learner=author, text="Work", uploads=[pdf()])
        submission_submit(assignment=assignment, learner=author)
    for reviewer in [*others, learner]:
        for review in peer_reviews_assign(assignment=assignment, reviewer=reviewer):
            peer_review_submit(
                review=review,
                reviewer=reviewer,
                levels=levels_for(review.submission, [1, 1, 1]),
                criterion_feedback={},
                feedback="Good.",
            )
    return assignment


def test_peer_reviews_cost_the_same_for_three_colleagues_and_eight(learner_client, learner):
    few, many = reviewed_by_colleagues(learner, 3), reviewed_by_colleagues(learner, 8)
    assert queries(learner_client, few.url) == queries(learner_client, many.url) <= 30
