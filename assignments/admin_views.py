"""Trainers grade assignments: their part of the one grading queue, and the grading page (a
level per criterion, feedback, grade or return for revision)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from courses.admin_views import cohorts_visible_to
from courses.grading import WorkToGrade, graded_since, next_work_to_grade
from courses.permissions import in_courses_trained_by

from .blocks import with_principle_labels
from .models import ActionPlan, Submission
from .plan_views import plan_pdf
from .plans import PlanRefused, plan_members, plan_review
from .services import SubmissionRefused, submission_grade, submission_return
from .views import posted_assessment


def submissions_gradable_by(user):
    """Submitted versions in the courses `user` trains (all for superusers)."""
    handed_in = Submission.objects.exclude(status=Submission.Status.DRAFT)
    return in_courses_trained_by(user, handed_in, "assignment__path")


def assignment_work(user) -> list[WorkToGrade]:
    """The assignments' part of the grading queue: versions waiting, and those graded or
    returned lately."""
    versions = (
        submissions_gradable_by(user)
        .filter(Q(status=Submission.Status.SUBMITTED) | Q(graded_at__gte=graded_since()))
        .select_related("learner", "assignment")
    )
    return [
        WorkToGrade(
            kind="assignment",
            kind_label=_("Assignment"),
            pk=version.pk,
            learner_id=version.learner_id,
            learner_name=version.learner.full_name,
            step_title=version.assignment.title,
            step_path=version.assignment.path,
            submitted_at=version.submitted_at,
            waiting=version.status == Submission.Status.SUBMITTED,
            status_label=version.get_status_display(),
            url=reverse("assignment_grade", args=[version.pk]),
        )
        for version in versions
    ]


@require_http_methods(["GET", "POST"])
def grade_view(request, pk):
    """The grading page of one version: its work, the learner's earlier versions, and the
    rubric to choose a level of each criterion from. Another course's work is a 404."""
    submission = get_object_or_404(
        submissions_gradable_by(request.user).select_related("learner", "assignment"), pk=pk
    )
    criteria = submission.rubric
    if request.method == "POST":
        levels, criterion_feedback, feedback = posted_assessment(request, criteria)
        try:
            if "return" in request.POST:
                submission_return(
                    submission=submission,
                    grader=request.user,
                    criterion_feedback=criterion_feedback,
                    feedback=feedback,
                )
                messages.success(request, _("Returned for revision; the learner is emailed."))
            else:
                submission_grade(
                    submission=submission,
                    grader=request.user,
                    levels=levels,
                    criterion_feedback=criterion_feedback,
                    feedback=feedback,
                )
                messages.success(request, _("Graded; the learner is emailed."))
        except SubmissionRefused as refusal:
            messages.error(request, str(refusal))
            # The form comes back as the trainer filled it: nothing they wrote is lost.
            submission.levels, submission.criterion_feedback = levels, criterion_feedback
            submission.feedback = feedback
            return _page(request, submission, status=400)
        except PermissionDenied:
            raise
        if "grade_next" in request.POST:
            waiting = next_work_to_grade(request.user, after_kind="assignment", after_pk=pk)
            if waiting is not None:
                return redirect(waiting.url)
        return redirect("grading_queue")
    return _page(request, submission)


def _page(request, submission, status=200):
    earlier = (
        Submission.objects.filter(
            assignment_id=submission.assignment_id,
            learner_id=submission.learner_id,
            version__lt=submission.version,
        )
        .exclude(status=Submission.Status.DRAFT)
        .order_by("-version")
    )
    context = {
        "submission": submission,
        "criteria": submission.criteria(),
        "files": list(submission.files.all()),
        "earlier": earlier,
        "peer_reviews": submission.peer_reviews.filter(submitted_at__isnull=False)
        .select_related("reviewer", "submission")
        .order_by("submitted_at"),
        "can_grade": submission.status in (Submission.Status.SUBMITTED, Submission.Status.GRADED),
    }
    return TemplateResponse(request, "assignments/admin/grade.html", context, status=status)


def plans_reviewable_by(user):
    """Action plans in the courses `user` trains (all for superusers)."""
    plans = ActionPlan.objects.select_related("step", "organisation", "started_by")
    return in_courses_trained_by(user, plans, "step__path")


def plan_work(user) -> list[WorkToGrade]:
    """Action plans waiting for review, and those reviewed lately, for the grading queue."""
    plans = plans_reviewable_by(user).filter(
        Q(status=ActionPlan.Status.SUBMITTED) | Q(reviewed_at__gte=graded_since())
    )
    return [
        WorkToGrade(
            kind="action_plan",
            kind_label=_("Action plan"),
            pk=plan.pk,
            learner_id=plan.started_by_id,
            learner_name=str(plan.organisation or plan.started_by.full_name),
            step_title=plan.step.title,
            step_path=plan.step.path,
            submitted_at=plan.submitted_at or plan.updated_at,
            waiting=plan.status == ActionPlan.Status.SUBMITTED,
            status_label=plan.get_status_display(),
            url=reverse("action_plan_review", args=[plan.pk]),
        )
        for plan in plans
    ]


@require_http_methods(["GET", "POST"])
def plan_review_view(request, pk):
    """A plan with its goals, actions and history; approve it or return it with a comment.
    Another course's plan is a 404."""
    plan = get_object_or_404(plans_reviewable_by(request.user), pk=pk)
    status = 200
    if request.method == "POST":
        comment = request.POST.get("comment", "")
        try:
            plan_review(
                plan=plan, reviewer=request.user, approve="approve" in request.POST, comment=comment
            )
        except PlanRefused as refusal:
            messages.error(request, str(refusal))
            plan.review_comment, status = comment, 400
        else:
            messages.success(request, _("Review saved."))
            return redirect("grading_queue")
    context = {
        "plan": plan,
        "goals": with_principle_labels(list(plan.goals.prefetch_related("actions"))),
        "members": plan_members(plan),
        "changes": plan.changes.select_related("author")[:100],
    }
    return TemplateResponse(request, "assignments/admin/plan_review.html", context, status=status)


@require_GET
def plan_pdf_view(request, pk):
    """The plan's PDF for its trainers, in the language of the admin."""
    plan = get_object_or_404(plans_reviewable_by(request.user), pk=pk)
    return plan_pdf(request, plan, plan.step)


def cohort_plans_view(request, pk):
    """Every action plan of the cohort's organisations and learners, on one page."""
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=pk)
    learners = cohort.enrollments.values("learner_id")
    organisations = cohort.enrollments.exclude(learner__organisation=None).values(
        "learner__organisation_id"
    )
    plans = (
        plans_reviewable_by(request.user)
        .filter(step__path__startswith=cohort.course.path)
        .filter(
            Q(organisation_id__in=organisations) | Q(organisation=None, started_by_id__in=learners)
        )
        .prefetch_related("goals__actions")
        .order_by("step__path", "organisation__name")
    )
    with_principle_labels([goal for plan in plans for goal in plan.goals.all()])  # prefetched
    heading = _("Action plans: %(cohort)s") % {"cohort": cohort.name}
    return TemplateResponse(
        request, "assignments/admin/cohort_plans.html", {"heading": heading, "plans": plans}
    )
