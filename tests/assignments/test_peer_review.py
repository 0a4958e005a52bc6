"""Peer review: after handing in, learners assess colleagues' work of their cohort with the
rubric, without names; each submission gets its share; only the trainer's grade counts."""

from datetime import datetime

import pytest
from django.urls import reverse

from assignments.models import PeerReview, Submission
from assignments.peer_reviews import peer_review_submit, peer_reviews_assign
from assignments.rubrics import peer_reviews_to_assign
from assignments.services import SubmissionRefused, submission_save, submission_submit
from courses.outline import course_of_step
from tests.factories import OrganisationFactory, UserFactory, assign_trainer

from .conftest import assignment_in_new_course, cohort_of, levels_for, pdf

pytestmark = pytest.mark.django_db


def handed_in(assignment, learner, text="Our municipality's open data.", **save):
    submission_save(assignment=assignment, learner=learner, text=text, **save)
    return submission_submit(assignment=assignment, learner=learner)


@pytest.fixture
def assignment():
    return assignment_in_new_course(peer_review=True, peer_reviews_per_learner=2)


@pytest.fixture
def colleagues(assignment):
    """Four learners of one cohort from two municipalities, all handed in."""
    mostar, konjic = OrganisationFactory(name="Grad Mostar"), OrganisationFactory(name="Konjic")
    learners = [
        UserFactory(full_name="Amra Hodžić", organisation=mostar),
        UserFactory(full_name="Marko Perić", organisation=mostar),
        UserFactory(full_name="Lejla Kurt", organisation=konjic),
        UserFactory(full_name="Ivan Šimić", organisation=konjic),
    ]
    cohort_of(assignment, learners)
    for learner in learners:
        handed_in(assignment, learner, text=f"Work of {learner.full_name}")
    return learners


def review_url(assignment, review):
    return assignment.url + assignment.reverse_subpage("peer_review_page", args=[review.pk])


def test_reviews_go_to_another_organisation_first_then_the_least_reviewed():
    at = datetime(2026, 3, 1)
    candidates = [
        {"id": 1, "organisation": 7, "reviews": 0, "submitted_at": at},
        {"id": 2, "organisation": 8, "reviews": 2, "submitted_at": at},
        {"id": 3, "organisation": 8, "reviews": 1, "submitted_at": at},
        {"id": 4, "organisation": None, "reviews": 5, "submitted_at": at},
    ]

    assert peer_reviews_to_assign(candidates, wanted=2, reviewer_organisation=7) == [3, 2]
    assert peer_reviews_to_assign(candidates, wanted=4, reviewer_organisation=7) == [3, 2, 4, 1]
    assert peer_reviews_to_assign(candidates, wanted=1, reviewer_organisation=None) == [1]


def test_each_learner_reviews_two_colleagues_never_themselves_and_each_work_gets_two(
    assignment, colleagues
):
    for learner in colleagues:
        reviews = peer_reviews_assign(assignment=assignment, reviewer=learner)
        assert len(reviews) == 2
        assert all(review.submission.learner != learner for review in reviews)
        # Both municipalities have two learners: each reviews the other municipality first.
        assert {r.submission.learner.organisation for r in reviews} != {learner.organisation}

    received = [
        PeerReview.objects.filter(submission__learner=learner).count() for learner in colleagues
    ]
    assert received == [2, 2, 2, 2]


def test_asking_again_gives_no_more_and_an_early_hand_in_is_topped_up_later(assignment):
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    cohort_of(assignment, [first, second, third])
    handed_in(assignment, first)

    assert peer_reviews_assign(assignment=assignment, reviewer=first) == []

    handed_in(assignment, second)
    assert len(peer_reviews_assign(assignment=assignment, reviewer=first)) == 1
    handed_in(assignment, third)
    assert len(peer_reviews_assign(assignment=assignment, reviewer=first)) == 2
    assert len(peer_reviews_assign(assignment=assignment, reviewer=first)) == 2


def test_no_reviews_before_handing_in_from_another_cohort_or_when_peer_review_is_off(
    assignment, colleagues
):
    waiting, elsewhere = UserFactory(), UserFactory()
    cohort_of(assignment, [waiting])
    cohort_of(assignment, [elsewhere], name="Posavina 2026")
    handed_in(assignment, elsewhere)

    assert peer_reviews_assign(assignment=assignment, reviewer=waiting) == []
    assert peer_reviews_assign(assignment=assignment, reviewer=elsewhere) == []
    without = assignment_in_new_course(peer_review=False)
    learner = UserFactory()
    cohort_of(without, [learner, colleagues[0]], name="Bez recenzija")
    handed_in(without, learner)
    handed_in(without, colleagues[0])
    assert peer_reviews_assign(assignment=without, reviewer=learner) == []


def test_a_learner_reviews_without_names_and_the_colleague_reads_it_without_the_reviewer(
    client, assignment, colleagues
):
    reviewer = colleagues[0]
    client.force_login(reviewer)
    page = client.get(assignment.url).content.decode()
    review = PeerReview.objects.filter(reviewer=reviewer).first()
    assert "Review your colleagues" in page and review_url(assignment, review) in page

    form = client.get(review_url(assignment, review)).content.decode()
    author = review.submission.learner
    assert f"Work of {author.full_name}" in form  # the work, shown
    assert form.count(author.full_name) == 1  # ... but the author's name nowhere else
    response = client.post(
        review_url(assignment, review),
        {
            **{f"level-{k}": v for k, v in levels_for(review.submission, [2, 1, 0]).items()},
            "feedback": "Clear evidence; say more about citizens.",
        },
    )
    assert response.status_code == 302

    review.refresh_from_db()
    assert review.is_sent and review.score == 6 and review.max_score == 12
    client.force_login(author)
    their_page = client.get(assignment.url).content.decode()
    assert "What your colleagues said" in their_page and "Colleague 1" in their_page
    assert "Clear evidence; say more about citizens." in their_page
    assert reviewer.full_name not in their_page
    author_submission = Submission.objects.get(learner=author)
    assert author_submission.status == Submission.Status.SUBMITTED  # the grade is the trainer's


def test_a_learner_with_nothing_to_review_yet_is_told_so(client, assignment):
    early = UserFactory()
    cohort_of(assignment, [early, UserFactory()])
    handed_in(assignment, early)
    client.force_login(early)

    assert "No colleague has handed in yet" in client.get(assignment.url).content.decode()


def test_another_learners_review_or_a_forged_id_is_a_404_and_changes_nothing(
    client, assignment, colleagues
):
    peer_reviews_assign(assignment=assignment, reviewer=colleagues[0])
    theirs = PeerReview.objects.filter(reviewer=colleagues[0]).first()
    client.force_login(colleagues[1])
    posted = {f"level-{k}": v for k, v in levels_for(theirs.submission, [0, 0, 0]).items()}
    posted["feedback"] = "Looks fine."

    assert client.get(review_url(assignment, theirs)).status_code == 404
    assert client.post(review_url(assignment, theirs), posted).status_code == 404
    forged = assignment.url + assignment.reverse_subpage("peer_review_page", args=[99999])
    assert client.get(forged).status_code == 404
    theirs.refresh_from_db()
    assert not theirs.is_sent


def test_a_review_of_ones_own_work_is_refused(assignment, colleagues):
    own = Submission.objects.get(learner=colleagues[0])
    forged = PeerReview.objects.create(submission=own, reviewer=colleagues[0])

    with pytest.raises(SubmissionRefused, match="your own work"):
        peer_review_submit(
            review=forged,
            reviewer=colleagues[0],
            levels=levels_for(own, [1, 1, 1]),
            criterion_feedback={},
            feedback="Great, if I say so myself.",
        )
    forged.refresh_from_db()
    assert not forged.is_sent


def test_a_level_of_another_criterion_or_no_comment_is_refused_and_the_form_keeps_it(
    client, assignment, colleagues
):
    reviewer = colleagues[0]
    review = peer_reviews_assign(assignment=assignment, reviewer=reviewer)[0]
    rubric = review.submission.rubric
    client.force_login(reviewer)
    crossed = {
        f"level-{rubric[0]['id']}": rubric[1]["levels"][0]["id"],  # a level of criterion 2
        f"level-{rubric[1]['id']}": rubric[1]["levels"][0]["id"],
        f"level-{rubric[2]['id']}": rubric[2]["levels"][0]["id"],
        "feedback": "Good start; the evidence section is thin.",
    }

    response = client.post(review_url(assignment, review), crossed)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose one level of each criterion" in page
    assert "Good start; the evidence section is thin." in page  # nothing written is lost
    response = client.post(
        review_url(assignment, review),
        {**{f"level-{k}": v for k, v in levels_for(review.submission, [1, 1, 1]).items()}},
    )
    assert response.status_code == 400
    assert "Write a few words for your colleague" in response.content.decode()
    review.refresh_from_db()
    assert not review.is_sent and review.levels == {}


def test_sending_a_review_twice_keeps_the_first(assignment, colleagues):
    reviewer = colleagues[0]
    review = peer_reviews_assign(assignment=assignment, reviewer=reviewer)[0]
    send = {
        "review": review,
        "reviewer": reviewer,
        "levels": levels_for(review.submission, [2, 2, 2]),
        "criterion_feedback": {},
        "feedback": "Excellent.",
    }
    peer_review_submit(**send)

    with pytest.raises(SubmissionRefused, match="already sent"):
        peer_review_submit(**{**send, "feedback": "Changed my mind."})
    review.refresh_from_db()
    assert review.feedback == "Excellent." and review.score == 12


def test_a_reviewer_downloads_the_work_under_a_name_that_does_not_tell_whose_it_is(
    client, assignment
):
    author, reviewer, outsider = UserFactory(), UserFactory(), UserFactory()
    cohort_of(assignment, [author, reviewer, outsider])
    handed_in(assignment, author, uploads=[pdf("Hodzic-Mostar-plan.pdf")])
    handed_in(assignment, reviewer)
    peer_reviews_assign(assignment=assignment, reviewer=reviewer)
    stored = Submission.objects.get(learner=author).files.get()

    client.force_login(reviewer)
    response = client.get(reverse("submission_file", args=[stored.pk]))
    assert response.status_code == 200
    assert "Hodzic" not in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.pdf"')
    client.force_login(outsider)  # in the cohort, not given this work to review
    assert client.get(reverse("submission_file", args=[stored.pk])).status_code == 404


def test_the_trainer_sees_the_peer_reviews_with_names_beside_the_grading_form(
    client, assignment, colleagues
):
    reviewer = colleagues[0]
    review = peer_reviews_assign(assignment=assignment, reviewer=reviewer)[0]
    peer_review_submit(
        review=review,
        reviewer=reviewer,
        levels=levels_for(review.submission, [1, 1, 1]),
        criterion_feedback={},
        feedback="A solid map.",
    )
    client.force_login(assign_trainer(course_of_step(assignment)))

    page = client.get(reverse("assignment_grade", args=[review.submission.pk])).content.decode()

    assert "1 peer review" in page and reviewer.full_name in page and "A solid map." in page
    assert "only your grade counts" in page
