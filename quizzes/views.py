"""Quiz routes (served by QuizPage through RoutablePageMixin, behind courses' enrollment gate)."""

import random
import re

from django.contrib import messages
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.outline import step_context

from .selectors import (
    QuestionForm,
    attempt_form_for,
    attempt_of,
    attempt_result_for,
    quiz_status_for,
    unanswered_positions,
    with_images,
)
from .services import (
    AnswersRejected,
    QuizRefused,
    TimeIsUp,
    attempt_finalize,
    attempt_save,
    attempt_start,
    attempt_submit,
    finished_attempts,
    is_past_deadline,
)
from .snapshots import draw_questions, public_question, question_snapshot

ANSWER_FIELD = re.compile(r"^q(\d+)(?:-(.+))?$")


def _url(quiz, *parts):
    return quiz.url + "".join(f"{part}/" for part in parts)


def _render(request, quiz, outline, template, context, status=200):
    around = step_context(step=quiz, learner=request.user, outline=outline)
    context = {"page": quiz, "self": quiz, **around, **context}
    return TemplateResponse(request, template, context, status=status)


def quiz_overview(request, quiz, outline):
    status = quiz_status_for(quiz=quiz, learner=request.user)
    return _render(request, quiz, outline, "quizzes/quiz_page.html", {"status": status})


def attempt_start_view(request, quiz):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        attempt = attempt_start(learner=request.user, quiz=quiz)
    except QuizRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(quiz.url)
    return redirect(_url(quiz, "attempts", attempt.pk))


# The value of the submit button that confirms a submission with questions left blank.
SUBMIT_ANYWAY = "anyway"


def parse_answers(post, attempt) -> dict:
    """Read the answer fields of the form; a field for a question not in the attempt is kept so
    that the service rejects it. Only matching questions have parts ("q3-<item>"); a part sent
    for another question (say "q1-score") is not an answer and must not replace "q1"."""
    kinds = {a.position: a.snapshot["kind"] for a in attempt.answers.all()}
    raw: dict = {}
    for name in post:
        match = ANSWER_FIELD.match(name)
        if not match:
            continue
        position, part = int(match.group(1)), match.group(2)
        kind = kinds.get(position)
        if kind == "matching" and part:
            raw.setdefault(position, {})[part] = post.get(name)
        elif part and kind is not None:
            continue
        elif kind == "multiple":
            raw[position] = post.getlist(name)
        else:
            raw[position] = post.get(name)
    return raw


def attempt_view(request, quiz, attempt_id, outline):
    attempt = attempt_of(learner=request.user, quiz=quiz, attempt_id=attempt_id)
    if not attempt.is_in_progress:
        return redirect(_url(quiz, "attempts", attempt.pk, "result"))
    if request.method == "GET" and is_past_deadline(attempt):
        attempt_finalize(attempt=attempt)
        messages.info(request, _("Time is up. Your attempt was graded with the answers you saved."))
        return redirect(_url(quiz, "attempts", attempt.pk, "result"))
    if request.method == "POST":
        return _post_answers(request, quiz, attempt, outline)
    return _attempt_form(request, quiz, attempt, outline)


def _attempt_form(
    request, quiz, attempt, outline, *, errors=None, responses=None, unanswered=(), status=200
):
    seconds_left = (
        max(0, int((attempt.deadline - timezone.now()).total_seconds()))
        if attempt.deadline
        else None
    )
    context = {
        "attempt": attempt,
        "questions": attempt_form_for(attempt=attempt, errors=errors, responses=responses),
        "seconds_left": seconds_left,
        "errors": errors,
        "unanswered": unanswered,
        "submit_anyway": SUBMIT_ANYWAY,
    }
    return _render(request, quiz, outline, "quizzes/attempt.html", context, status=status)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _post_answers(request, quiz, attempt, outline):
    raw = parse_answers(request.POST, attempt)
    submitting = "submit" in request.POST
    # As Moodle's summary page, without JavaScript: a submission cannot be taken back, so blank
    # questions are named first (their answers saved) and the learner confirms or goes back.
    unanswered = (
        unanswered_positions(attempt=attempt, raw_answers=raw)
        if submitting and request.POST["submit"] != SUBMIT_ANYWAY
        else []
    )
    try:
        if submitting and not unanswered:
            attempt = attempt_submit(attempt=attempt, raw_answers=raw)
        else:
            attempt = attempt_save(attempt=attempt, raw_answers=raw)
    except AnswersRejected as rejected:
        if _wants_json(request):
            return JsonResponse({"saved": False, "errors": rejected.errors}, status=400)
        messages.error(request, _("Some answers could not be accepted. Nothing was saved."))
        return _attempt_form(
            request, quiz, attempt, outline, errors=rejected.errors, responses=raw, status=400
        )
    except TimeIsUp as late:
        if _wants_json(request):
            return JsonResponse({"saved": False, "time_is_up": True}, status=409)
        messages.warning(
            request,
            _(
                "Time was up before these answers arrived. "
                "You are graded on what was saved in time."
            ),
        )
        return redirect(_url(quiz, "attempts", late.attempt.pk, "result"))
    except QuizRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(_url(quiz, "attempts", attempt.pk, "result"))
    if unanswered:
        return _attempt_form(request, quiz, attempt, outline, unanswered=unanswered)
    if submitting:
        return redirect(_url(quiz, "attempts", attempt.pk, "result"))
    if _wants_json(request):
        return JsonResponse({"saved": True, "saved_at": attempt.saved_at.isoformat()})
    messages.success(request, _("Your answers are saved. You can come back to them at any time."))
    return redirect(_url(quiz, "attempts", attempt.pk))


def attempt_result_view(request, quiz, attempt_id, outline):
    attempt = attempt_of(learner=request.user, quiz=quiz, attempt_id=attempt_id)
    if attempt.is_in_progress:
        return redirect(_url(quiz, "attempts", attempt.pk))
    finished = finished_attempts(learner=request.user, quiz=quiz)
    result = attempt_result_for(attempt=attempt, quiz=quiz, finished=finished)
    status = quiz_status_for(quiz=quiz, learner=request.user)
    context = {"result": result, "status": status}
    return _render(request, quiz, outline, "quizzes/result.html", context)


def quiz_preview(request, quiz):
    """The quiz as a learner would see an attempt, from the draft being edited; nothing saved."""
    rng = random.Random()  # noqa: S311 - preview shuffling
    questions = draw_questions(
        list(quiz.questions.all()),
        draw_count=quiz.draw_count,
        shuffle=quiz.shuffle_questions,
        rng=rng,
    )
    forms = [
        QuestionForm(
            position=position,
            question=public_question(
                question_snapshot(question, shuffle_choices=quiz.shuffle_choices, rng=rng)
            ),
            response=None,
        )
        for position, question in enumerate(questions, start=1)
    ]
    return TemplateResponse(
        request,
        "quizzes/attempt.html",
        {"page": quiz, "self": quiz, "questions": with_images(forms), "preview": True},
    )
