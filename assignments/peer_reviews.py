"""Peer review: after handing in, a learner assesses colleagues' work of their cohort with the
same rubric. Reviews are anonymous to learners and count for nothing; the trainer's grade does.
Every refusal is a SubmissionRefused whose message the reviewer reads; nothing is written then."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.outline import course_of_step, enrollment_of
from courses.translations import canonical_of, canonical_pk

from .models import AssignmentPage, PeerReview, Submission
from .rubrics import peer_reviews_to_assign
from .services import SubmissionRefused, checked_levels


def _colleagues(assignment, reviewer):
    """Learners of the reviewer's cohort in the assignment's course (the learners without a
    cohort, for one without), the reviewer excluded."""
    course = course_of_step(assignment)
    enrollment = enrollment_of(learner=reviewer, course=course)
    if enrollment is None:
        return None
    return (
        Enrollment.objects.filter(course_id=enrollment.course_id, cohort_id=enrollment.cohort_id)
        .exclude(learner=reviewer)
        .values("learner_id")
    )


def peer_reviews_assign(*, assignment: AssignmentPage, reviewer) -> list[PeerReview]:
    """Give `reviewer`, once they have handed in, as many colleagues' latest versions to review
    as the assignment asks, as far as there are any: never their own, another organisation's
    before their own, the least reviewed first. Calling again tops up what is missing (early
    hand-ins find few colleagues) and is otherwise a no-op. Returns the reviewer's reviews."""
    assignment = canonical_of(assignment)
    if not assignment.peer_review:
        return []
    with transaction.atomic():
        # The reviewer's handed-in versions, locked: two tabs assign one set of reviews.
        handed_in = list(
            Submission.objects.select_for_update()
            .filter(assignment=assignment, learner=reviewer)
            .exclude(status=Submission.Status.DRAFT)
        )
        mine = PeerReview.objects.filter(reviewer=reviewer, submission__assignment=assignment)
        wanted = assignment.peer_reviews_per_learner - mine.count()
        colleagues = _colleagues(assignment, reviewer)
        if handed_in and wanted > 0 and colleagues is not None:
            reviewed = mine.values("submission__learner_id")
            versions = (
                Submission.objects.filter(assignment=assignment, learner_id__in=colleagues)
                .exclude(status=Submission.Status.DRAFT)
                .exclude(learner_id__in=reviewed)
                .annotate(reviews=Count("peer_reviews"))
                .values("id", "learner_id", "learner__organisation_id", "reviews", "submitted_at")
                .order_by("learner_id", "-version")
            )
            latest = {}
            for version in versions:
                latest.setdefault(version["learner_id"], version)
            chosen = peer_reviews_to_assign(
                [{**v, "organisation": v["learner__organisation_id"]} for v in latest.values()],
                wanted=wanted,
                reviewer_organisation=reviewer.organisation_id,
            )
            PeerReview.objects.bulk_create(
                [PeerReview(submission_id=pk, reviewer=reviewer) for pk in chosen],
                ignore_conflicts=True,
            )
    return list(mine.select_related("submission").order_by("assigned_at", "pk"))


def peer_review_of(*, assignment: AssignmentPage, reviewer, pk: int) -> PeerReview | None:
    """The reviewer's own review `pk` of this assignment; None for anyone else's or a forged id."""
    return (
        PeerReview.objects.filter(
            pk=pk, reviewer=reviewer, submission__assignment_id=canonical_pk(assignment)
        )
        .select_related("submission")
        .first()
    )


def peer_review_submit(
    *, review: PeerReview, reviewer, levels: dict, criterion_feedback: dict, feedback: str
) -> PeerReview:
    """Send a review: one level of each criterion of the rubric the work was handed in with, and
    a word for the colleague. Sent once; a second send (double click, two tabs) is refused and
    changes nothing. `review` comes from `peer_review_of`, so it is the reviewer's own."""
    if not feedback.strip():
        raise SubmissionRefused(_("Write a few words for your colleague."))
    with transaction.atomic():
        locked = (
            PeerReview.objects.select_for_update()
            .select_related("submission")
            .get(pk=review.pk, reviewer=reviewer)
        )
        if locked.submission.learner_id == reviewer.pk:
            raise SubmissionRefused(_("You cannot review your own work."))
        if locked.is_sent:
            raise SubmissionRefused(_("You have already sent this review."))
        result = checked_levels(locked.submission.rubric, levels)
        locked.levels = levels
        locked.criterion_feedback = {k: v for k, v in criterion_feedback.items() if v.strip()}
        locked.feedback = feedback
        locked.score, locked.max_score = result.score, result.max_score
        locked.submitted_at = timezone.now()
        locked.save()
    return locked
