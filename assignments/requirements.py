"""Assignments' part in certificates (registered with courses.requirements in `ready()`)."""

from django.utils.translation import ngettext

from courses.course_tree import live_steps_of

from .models import AssignmentPage, Submission


def passed_assignments_problem(*, learner, course, rule) -> str | None:
    """Every live assignment of the course marked "required for the certificate" must be
    passed (by any of the learner's versions)."""
    required = {
        step.pk
        for step in live_steps_of([course], AssignmentPage)  # cached: no query without any
        if step.required_for_certificate
    }
    if not required:
        return None
    passed = set(
        Submission.objects.filter(
            learner=learner, assignment_id__in=required, passed=True
        ).values_list("assignment_id", flat=True)
    )
    missing = len(required - passed)
    if missing:
        return ngettext(
            "%(count)s required assignment is not passed yet.",
            "%(count)s required assignments are not passed yet.",
            missing,
        ) % {"count": missing}
    return None
