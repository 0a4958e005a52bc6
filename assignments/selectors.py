"""What a learner sees of an assignment: the rules as they apply to them, and their versions."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch

from courses.translations import canonical_pk

from .models import AssignmentPage, PeerReview, Submission
from .rubrics import rubric_snapshot
from .services import due_for_learner


@dataclass
class AssignmentStatus:
    due: datetime | None
    versions: list  # handed-in versions, newest first, with their files
    draft: Submission | None
    can_write: bool  # no version waiting for grading and none passed
    refusal: str = ""

    @property
    def latest(self) -> Submission | None:
        return self.draft or (self.versions[0] if self.versions else None)

    @property
    def passed(self) -> bool:
        return any(version.passed for version in self.versions)

    @property
    def waiting(self) -> bool:
        return bool(self.versions) and self.versions[0].status == Submission.Status.SUBMITTED


def assignment_status_for(*, assignment: AssignmentPage, learner) -> AssignmentStatus:
    """The learner's versions of their work on `assignment` (in any language), with their files
    and the colleagues' reviews sent on them, in three queries (plus the due date's enrollment
    lookup)."""
    sent = PeerReview.objects.filter(submitted_at__isnull=False).order_by("submitted_at")
    versions = list(
        Submission.objects.filter(assignment_id=canonical_pk(assignment), learner=learner)
        .prefetch_related(
            "files", Prefetch("peer_reviews", queryset=sent, to_attr="peer_assessments")
        )
        .order_by("-version")
    )
    draft = versions.pop(0) if versions and versions[0].is_draft else None
    status = AssignmentStatus(
        due=due_for_learner(assignment=assignment, learner=learner),
        versions=versions,
        draft=draft,
        can_write=False,
    )
    status.can_write = not status.waiting and not status.passed
    return status


def shown_rubric(assignment: AssignmentPage) -> list[dict]:
    """The rubric as the learner reads it before handing in (from the page in their language)."""
    return rubric_snapshot(assignment.rubric)
