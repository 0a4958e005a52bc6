"""Who may see and do what with an assessment.

- Its team (the coordinator and the team members, people of the municipality) fill it in; only
  the coordinator submits it.
- Reviewers of its cycle (`AssessmentCycle.reviewers`, members of the "Reviewers" group) see it
  once submitted, comment, return it and decide. A reviewer of another cycle sees nothing.
- Superusers (platform administrators) see and review everything.
"""

from django.db.models import Q

from .models import Assessment

REVIEWERS = "Reviewers"


def is_team_member(user, assessment: Assessment) -> bool:
    if not user.is_authenticated or user.organisation_id != assessment.municipality_id:
        return False
    return user.pk == assessment.coordinator_id or assessment.team.filter(pk=user.pk).exists()


def may_review(user, assessment: Assessment) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        assessment.status != Assessment.Status.DRAFT
        and assessment.cycle.reviewers.filter(pk=user.pk).exists()
    )


def team_assessments(user):
    """The assessments `user` fills in: of their municipality, as coordinator or team member."""
    if not user.is_authenticated or not user.organisation_id:
        return Assessment.objects.none()
    return Assessment.objects.filter(
        Q(coordinator=user) | Q(team=user), municipality_id=user.organisation_id
    ).distinct()


def reviewed_assessments(user):
    """The assessments `user` reviews: every one for superusers, else those past draft in the
    cycles they review."""
    if not user.is_authenticated:
        return Assessment.objects.none()
    if user.is_superuser:
        return Assessment.objects.all()
    return Assessment.objects.filter(cycle__reviewers=user).exclude(status=Assessment.Status.DRAFT)


def assessments_visible_to(user):
    """Everything `user` may read: their team's assessments and those they review."""
    if user.is_authenticated and user.is_superuser:
        return Assessment.objects.all()
    return Assessment.objects.filter(
        Q(pk__in=team_assessments(user).values("pk"))
        | Q(pk__in=reviewed_assessments(user).values("pk"))
    )
