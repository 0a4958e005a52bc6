"""The assignment page (served by AssignmentPage behind courses' enrollment gate) and the one
way to a submitted file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.outline import course_of_step, step_context
from courses.permissions import trains_course

from .models import SubmissionFile
from .rubrics import criterion_max
from .selectors import assignment_status_for, shown_rubric
from .services import SubmissionRefused, submission_save, submission_submit


def _render(request, assignment, outline, context, status=200):
    around = step_context(step=assignment, learner=request.user, outline=outline)
    rubric = [{**c, "max_points": criterion_max(c)} for c in shown_rubric(assignment)]
    context = {"page": assignment, "self": assignment, "rubric": rubric, **around, **context}
    return TemplateResponse(request, "assignments/assignment_page.html", context, status=status)


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
            status = assignment_status_for(assignment=assignment, learner=request.user)
            return _render(
                request,
                assignment,
                outline,
                {"status": status, "error": str(refusal), "text": text},
                status=400,
            )
        return redirect(assignment.url)
    status = assignment_status_for(assignment=assignment, learner=request.user)
    latest = status.latest
    return _render(
        request, assignment, outline, {"status": status, "text": latest.text if latest else ""}
    )


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
    if submission.learner_id != request.user.pk and not trains_course(
        request.user, course_of_step(submission.assignment)
    ):
        raise Http404
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=stored.original_name)
    response["Cache-Control"] = "private, no-store"
    return response
