"""Writes for quiz attempts: a fixed number of queries each, whatever the number of questions."""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from academy.core.outbox import task_enqueue
from courses.outline import course_of_step, enrollment_of
from courses.services import step_complete
from courses.signals import course_result_changed
from courses.translations import canonical_pk, remember_canonical

from .grading import InvalidAnswer, clean_response, grade
from .models import AttemptAnswer, Question, QuizAttempt, QuizPage
from .rules import no_questions_message, start_refusal
from .snapshots import draw_questions, question_snapshot

# Answers that left the browser just before the deadline still count.
DEADLINE_GRACE = timedelta(seconds=getattr(settings, "QUIZ_DEADLINE_GRACE_SECONDS", 30))


class QuizRefused(PermissionDenied):
    """The learner may not start (or continue) an attempt; the message says why."""


class AnswersRejected(ValueError):
    """Some answers cannot belong to the attempt. Nothing was saved."""

    def __init__(self, errors: dict[int, str]):
        super().__init__(errors)
        self.errors = errors


class TimeIsUp(Exception):
    """Answers arrived after the deadline: not saved; the attempt was graded as it stood."""

    def __init__(self, attempt):
        super().__init__(attempt)
        self.attempt = attempt


def finished_attempts(*, learner, quiz) -> list[QuizAttempt]:
    return list(
        QuizAttempt.objects.filter(learner=learner, quiz_id=canonical_pk(quiz))
        .exclude(status=QuizAttempt.Status.IN_PROGRESS)
        .order_by("number")
    )


def is_past_deadline(attempt, now=None) -> bool:
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + DEADLINE_GRACE


def attempt_start(*, learner, quiz: QuizPage, rng: random.Random | None = None) -> QuizAttempt:
    """Start an attempt, or return the one in progress (two tabs share one attempt), whichever
    language `quiz` is in: attempts belong to the original quiz, so one started in English is
    resumed from the Serbian page.

    The drawn questions, their order and a snapshot of each (content and key, in the language
    the attempt was started in) are frozen into the attempt, so later edits never change it."""
    course = course_of_step(quiz)
    if enrollment_of(learner=learner, course=course) is None:
        raise QuizRefused(_("Enroll in the course to take this quiz."))
    quiz_id = canonical_pk(quiz)
    current = QuizAttempt.objects.filter(
        learner=learner, quiz_id=quiz_id, status=QuizAttempt.Status.IN_PROGRESS
    ).first()
    if current is not None:
        if not is_past_deadline(current):
            return current
        attempt_finalize(attempt=current)
    finished = finished_attempts(learner=learner, quiz=quiz)
    refusal = start_refusal(quiz=quiz, finished_attempts=finished, now=timezone.now())
    if refusal:
        raise QuizRefused(refusal)

    rng = rng or random.Random()  # noqa: S311 - shuffling questions, not cryptography
    pool = list(quiz.questions.prefetch_related("principles"))
    if not pool:
        raise QuizRefused(no_questions_message())
    drawn = draw_questions(
        pool, draw_count=quiz.draw_count, shuffle=quiz.shuffle_questions, rng=rng
    )
    originals = _original_questions(quiz_id, quiz)
    now = timezone.now()
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                learner=learner,
                quiz_id=quiz_id,
                number=len(finished) + 1,
                deadline=now + timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes
                else None,
                max_score=sum(Decimal(q.points) for q in drawn),
                pass_mark=quiz.pass_mark,
                review_policy=quiz.review_policy,
            )
            AttemptAnswer.objects.bulk_create(
                AttemptAnswer(
                    attempt=attempt,
                    position=position,
                    question_id=originals.get(question.translation_key, question.pk),
                    snapshot=question_snapshot(
                        question, shuffle_choices=quiz.shuffle_choices, rng=rng
                    ),
                )
                for position, question in enumerate(drawn, start=1)
            )
    except IntegrityError:
        # Another tab started an attempt at the same moment: use that one.
        existing = QuizAttempt.objects.filter(
            learner=learner, quiz_id=quiz_id, status=QuizAttempt.Status.IN_PROGRESS
        ).first()
        if existing is None:
            raise
        return existing
    return attempt


def _original_questions(quiz_id, quiz) -> dict:
    """Translation key -> id of the original quiz's questions, so that answers given in any
    language are counted on the same question (item analysis, mastery)."""
    if quiz_id == quiz.pk:
        return {}
    return dict(Question.objects.filter(quiz_id=quiz_id).values_list("translation_key", "pk"))


def _clean_all(answers, raw_answers: dict) -> dict:
    positions = {answer.position for answer in answers}
    errors = {
        position: _("This question is not part of your attempt.")
        for position in raw_answers
        if position not in positions
    }
    cleaned = {}
    for answer in answers:
        try:
            cleaned[answer.position] = clean_response(
                answer.snapshot, raw_answers.get(answer.position)
            )
        except InvalidAnswer as error:
            errors[answer.position] = str(error)
    if errors:
        raise AnswersRejected(errors)
    return cleaned


def _store(attempt, answers, raw_answers, now):
    cleaned = _clean_all(answers, raw_answers)
    changed = []
    for answer in answers:
        if answer.response != cleaned[answer.position]:
            answer.response = cleaned[answer.position]
            changed.append(answer)
    if changed:
        AttemptAnswer.objects.bulk_update(changed, ["response"])
    QuizAttempt.objects.filter(pk=attempt.pk).update(saved_at=now)
    attempt.saved_at = now


def _locked_attempt(attempt) -> QuizAttempt:
    return QuizAttempt.objects.select_for_update().get(pk=attempt.pk)


def attempt_save(*, attempt: QuizAttempt, raw_answers: dict) -> QuizAttempt:
    """Save all answers of an attempt in progress (a full form: missing answers are blank).

    Forged or malformed answers reject the whole save (AnswersRejected); after the deadline
    nothing is saved and the attempt is graded as it stood (TimeIsUp)."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_attempt(attempt)
        if not locked.is_in_progress:
            raise QuizRefused(_("This attempt has already been submitted."))
        answers = list(locked.answers.all())
        if is_past_deadline(locked, now):
            graded = _finalize(locked, answers, now)
        else:
            _store(locked, answers, raw_answers, now)
            return locked
    raise TimeIsUp(graded)


def attempt_submit(*, attempt: QuizAttempt, raw_answers: dict | None = None) -> QuizAttempt:
    """Save the final answers (if given and in time) and grade. A second submit (double click,
    two tabs, a replay) grades nothing again and returns the same result."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_attempt(attempt)
        if not locked.is_in_progress:
            return locked
        answers = list(locked.answers.all())
        late = is_past_deadline(locked, now)
        if raw_answers is not None and not late:
            _store(locked, answers, raw_answers, now)
        graded = _finalize(locked, answers, now)
    if late and raw_answers is not None:
        raise TimeIsUp(graded)
    return graded


def attempt_finalize(*, attempt: QuizAttempt) -> QuizAttempt:
    """Grade an attempt with the answers saved so far (an expired or abandoned attempt)."""
    with transaction.atomic():
        locked = _locked_attempt(attempt)
        if not locked.is_in_progress:
            return locked
        return _finalize(locked, list(locked.answers.all()), timezone.now())


def _finalize(attempt, answers, now) -> QuizAttempt:
    for answer in answers:
        result = grade(answer.snapshot, answer.response)
        answer.score = result.score
        answer.is_correct = result.is_correct
        answer.needs_grading = result.pending
    AttemptAnswer.objects.bulk_update(answers, ["score", "is_correct", "needs_grading"])
    attempt.submitted_at = now
    _apply_totals(attempt, answers, now)
    return attempt


def _apply_totals(attempt, answers, now):
    """Set the attempt's score and status from its answers. A result sends courses'
    `course_result_changed` on commit; a pass completes the course step."""
    attempt.score = sum((a.score or Decimal(0) for a in answers), Decimal(0))
    pending = any(a.needs_grading for a in answers)
    if pending:
        attempt.status = QuizAttempt.Status.AWAITING_GRADING
        attempt.passed = None
        attempt.percent = None
    else:
        attempt.status = QuizAttempt.Status.GRADED
        attempt.graded_at = now
        attempt.percent = (
            (100 * attempt.score / attempt.max_score).quantize(Decimal("0.01"))
            if attempt.max_score
            else Decimal(0)
        )
        attempt.passed = attempt.percent >= attempt.pass_mark
    attempt.save(
        update_fields=["status", "submitted_at", "graded_at", "score", "percent", "passed"]
    )
    if attempt.status == QuizAttempt.Status.GRADED:
        transaction.on_commit(
            lambda: course_result_changed.send(
                sender=QuizAttempt, learner=attempt.learner, course=course_of_step(attempt.quiz)
            )
        )
    if attempt.passed:
        quiz = attempt.quiz  # always the original quiz, in the original course
        course = course_of_step(quiz)
        step_complete(
            learner=attempt.learner,
            course=remember_canonical(course, course.pk),
            step=remember_canonical(quiz, quiz.pk),
        )


@dataclass(frozen=True)
class GradingResult:
    attempt: QuizAttempt
    attempt_completed: bool


def answer_grade(*, answer: AttemptAnswer, score, comment: str, grader) -> GradingResult:
    """A trainer scores an open answer. When it was the last one pending, the attempt gets its
    result (and a pass completes the step); the learner is emailed on commit."""
    score = Decimal(str(score))
    points = Decimal(str(answer.snapshot["points"]))
    if not Decimal(0) <= score <= points:
        raise ValueError(
            _("Give between 0 and %(points)s points.") % {"points": answer.snapshot["points"]}
        )
    now = timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(answer.attempt)
        answers = list(attempt.answers.all())
        target = next(a for a in answers if a.pk == answer.pk)
        target.score = score
        target.is_correct = score == points
        target.needs_grading = False
        target.grader_comment = comment
        target.graded_by = grader
        target.graded_at = now
        target.save()
        log(
            instance=attempt,
            action="quizzes.grade",
            user=grader,
            data={"position": target.position, "score": str(score), "comment": comment},
        )
        completed = False
        if attempt.status == QuizAttempt.Status.AWAITING_GRADING:
            _apply_totals(attempt, answers, now)
            completed = attempt.status == QuizAttempt.Status.GRADED
        elif attempt.status == QuizAttempt.Status.GRADED:
            _apply_totals(attempt, answers, attempt.graded_at or now)  # a re-grade
            completed = True

        from .tasks import send_answer_graded  # the tasks call these services

        task_enqueue(send_answer_graded, attempt.pk)
    return GradingResult(attempt=attempt, attempt_completed=completed)
