"""The assignment page (served by AssignmentPage behind courses' enrollment gate) and the one
way to a submitted file."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.outline import course_of_step, step_context
from courses.permissions import trains_course

from .models import PeerReview, SubmissionFile
from .peer_reviews import peer_review_of, peer_review_submit, peer_reviews_assign
from .rubrics import criterion_max
from .selectors import assignment_status_for, shown_rubric
from .services import SubmissionRefused, submission_save, submission_submit


def posted_assessment(request, criteria) -> tuple[dict, dict, str]:
    """An assessment as the rubric form posts it: {criterion id: level id} for the criteria
    given a level, {criterion id: feedback}, and the overall feedback."""
    levels = {c["id"]: request.POST.get(f"level-{c['id']}", "") for c in criteria}
    feedback = {c["id"]: request.POST.get(f"feedback-{c['id']}", "") for c in criteria}
    return {k: v for k, v in levels.items() if v}, feedback, request.POST.get("feedback", "")


def _render(request, assignment, outline, context, status=200, template="assignment_page"):
    around = step_context(step=assignment, learner=request.user, outline=outline)
    rubric = [{**c, "max_points": criterion_max(c)} for c in shown_rubric(assignment)]
    context = {"page": assignment, "self": assignment, "rubric": rubric, **around, **context}
    return TemplateResponse(request, f"assignments/{template}.html", context, status=status)


def _page_context(assignment, learner, **context) -> dict:
    status = assignment_status_for(assignment=assignment, learner=learner)
    # Reviews are given out when the page is read, so a learner who handed in before their
    # colleagues gets theirs as soon as there is work to review.
    reviews = []
    if status.versions:
        reviews = peer_reviews_assign(assignment=assignment, reviewer=learner)
    return {"status": status, "peer_reviews": reviews, **context}


def assignment_view(request, assignment, outline):
    """GET: the instructions, rubric, the learner's versions and, while they may write, the
    form. POST: save the draft, and with "submit" hand it in. A refused post shows the form
    again with what the learner wrote, and saves nothing."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            submission_save(
                assignment=assignment,
                learner=request.user,
                text=text,
                uploads=request.FILES.getlist("files"),
                remove_file_ids=[v for v in request.POST.getlist("remove") if v.isdigit()],
            )
            if "submit" in request.POST:
                submission_submit(assignment=assignment, learner=request.user)
                messages.success(request, _("Your work is handed in. Your trainer will grade it."))
            else:
                messages.success(request, _("Your draft is saved."))
        except SubmissionRefused as refusal:
            context = _page_context(assignment, request.user, error=str(refusal), text=text)
            return _render(request, assignment, outline, context, status=400)
        return redirect(assignment.url)
    context = _page_context(assignment, request.user)
    latest = context["status"].latest
    return _render(request, assignment, outline, {**context, "text": latest.text if latest else ""})


def peer_review_view(request, assignment, review_id, outline):
    """A colleague's work without their name, and the rubric to assess it with. POST sends the
    review; a refused one comes back as the reviewer filled it. Another's review is a 404."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    review = peer_review_of(assignment=assignment, reviewer=request.user, pk=review_id)
    if review is None:
        raise Http404
    context, status = {"review": review}, 200
    if request.method == "POST":
        levels, criterion_feedback, feedback = posted_assessment(request, review.submission.rubric)
        try:
            peer_review_submit(
                review=review,
                reviewer=request.user,
                levels=levels,
                criterion_feedback=criterion_feedback,
                feedback=feedback,
            )
        except SubmissionRefused as refusal:
            review.levels, review.criterion_feedback = levels, criterion_feedback
            review.feedback = feedback
            context["error"], status = str(refusal), 400
        else:
            messages.success(request, _("Your review is sent. Thank you."))
            return redirect(assignment.url)
    mine = PeerReview.objects.filter(
        reviewer=request.user, submission__assignment_id=review.submission.assignment_id
    ).order_by("assigned_at", "pk")
    context["number"] = 1 + list(mine.values_list("pk", flat=True)).index(review.pk)
    context["files"] = list(review.submission.files.all())
    return _render(request, assignment, outline, context, status=status, template="peer_review")


def assignment_preview(request, assignment):
    """The page as a learner sees it before writing, from the draft being edited."""
    context = {
        "page": assignment,
        "self": assignment,
        "preview": True,
        "text": "",
        "rubric": [{**c, "max_points": criterion_max(c)} for c in shown_rubric(assignment)],
    }
    return TemplateResponse(request, "assignments/assignment_page.html", context)


@login_required
def submission_file(request, pk):
    """A submitted file, to its learner, the course's trainers and superusers; 404 for anyone
    else (even whether it exists is not told)."""
    stored = get_object_or_404(
        SubmissionFile.objects.select_related("submission__assignment"), pk=pk
    )
    submission = stored.submission
    name = stored.original_name
    if submission.learner_id != request.user.pk and not trains_course(
        request.user, course_of_step(submission.assignment)
    ):
        if not PeerReview.objects.filter(submission=submission, reviewer=request.user).exists():
            raise Http404
        # A reviewer does not learn whose work it is, not even from its file's name.
        name = _("work-%(number)s%(extension)s") % {
            "number": stored.pk,
            "extension": Path(name).suffix.lower(),
        }
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    return response
