"""Attempt services: start, save, submit and trainer grading, as learners and trainers use them."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.models import StepProgress
from courses.outline import course_of_step, course_outline_for
from courses.services import enrollment_create
from quizzes.models import AttemptAnswer, QuizAttempt, QuizPage
from quizzes.services import (
    DEADLINE_GRACE,
    QuizRefused,
    TimeIsUp,
    answer_grade,
    attempt_save,
    attempt_start,
    attempt_submit,
)
from tests.factories import UserFactory, add_quiz, make_trainer
from tests.quizzes.conftest import (
    answers_by_kind,
    correct_choice_id,
    correct_responses,
    every_kind_of_question,
    multiple_choice,
    open_question,
    quiz_in_new_course,
    responses_in_db,
    single_choice,
    true_false,
    wrong_choice_id,
)

pytestmark = pytest.mark.django_db


def numbered_questions(count):
    """`count` single-choice questions worth 1, 2, 3... points, told apart by their prompts."""
    return [single_choice(f"Question number {n}?", points=n) for n in range(1, count + 1)]


def republish(quiz, edit):
    """Edit the quiz's questions as a trainer would in the admin, and publish the new revision."""
    page = QuizPage.objects.get(pk=quiz.pk)
    questions = list(page.questions.all())
    page.questions = edit(questions)
    page.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


def key_with_correct_choice(correct_text):
    """The answer key of `single_choice()` with another choice (or none) marked correct."""
    key = single_choice()["answer_key"]
    for choice in key[0]["value"]["choices"]:
        choice["is_correct"] = choice["text"] == correct_text
    return key


def step_completed(learner, quiz):
    outline = course_outline_for(course=course_of_step(quiz), learner=learner)
    _module, step = outline.locate(quiz.pk)
    return step.completed


def submit_correctly(learner, quiz):
    attempt = attempt_start(learner=learner, quiz=quiz)
    return attempt_submit(attempt=attempt, raw_answers=correct_responses(attempt))


def submit_wrongly(learner, quiz):
    attempt = attempt_start(learner=learner, quiz=quiz)
    return attempt_submit(attempt=attempt, raw_answers={})


# Starting an attempt


def test_starting_freezes_the_questions_as_they_were_asked(learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    asked = {a.position: a.snapshot for a in attempt.answers.all()}
    single = asked[1]
    originally_correct = correct_choice_id(single)

    def change_key_and_prompt_and_delete_the_second(questions):
        first = questions[0]
        first.prompt = "<p>A rewritten question</p>"
        first.answer_key = key_with_correct_choice("Rule of Law")
        return [first]

    edited = republish(quiz, change_key_and_prompt_and_delete_the_second)

    assert [q.prompt for q in edited.questions.all()] == ["<p>A rewritten question</p>"]
    assert {a.position: a.snapshot for a in attempt.answers.all()} == asked
    graded = attempt_submit(
        attempt=attempt, raw_answers={1: originally_correct, 2: asked[2]["answer"]}
    )
    assert (graded.score, graded.max_score, graded.passed) == (Decimal(2), Decimal(2), True)
    answers = answers_by_kind(graded)
    assert (
        answers["single"].snapshot["prompt"]
        == "<p>Which principle covers openness of decision-making?</p>"
    )
    assert answers["true_false"].question is None  # the question itself is gone


def test_a_past_attempt_keeps_its_grade_after_the_key_changes(learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner)
    graded = submit_correctly(learner, quiz)

    def make_every_choice_wrong(questions):
        questions[0].answer_key = key_with_correct_choice(None)
        return questions

    edited = republish(quiz, make_every_choice_wrong)

    assert not any(c["is_correct"] for c in edited.questions.get().answer_key[0].value["choices"])
    again = QuizAttempt.objects.get(pk=graded.pk)
    assert (again.score, again.percent, again.passed) == (Decimal(1), Decimal(100), True)
    assert again.answers.get().snapshot == graded.answers.get().snapshot


def test_a_new_attempt_asks_the_edited_questions(learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    submit_wrongly(learner, quiz)

    republish(quiz, lambda questions: questions[:1])

    attempt = attempt_start(learner=learner, quiz=QuizPage.objects.get(pk=quiz.pk))
    assert [a.snapshot["kind"] for a in attempt.answers.all()] == ["single"]
    assert attempt.max_score == 1


def test_a_drawn_attempt_asks_and_grades_exactly_the_drawn_questions(learner):
    quiz = quiz_in_new_course(questions=numbered_questions(6), learner=learner, draw_count=3)

    attempt = attempt_start(learner=learner, quiz=quiz, rng=random.Random(3))

    drawn_points = [a.snapshot["points"] for a in attempt.answers.all()]
    assert len(drawn_points) == 3
    assert len(set(drawn_points)) == 3  # three different questions
    assert attempt.max_score == sum(drawn_points)
    graded = attempt_submit(attempt=attempt, raw_answers=correct_responses(attempt))
    assert graded.score == graded.max_score == sum(drawn_points)
    assert graded.percent == 100
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 3


def test_different_attempts_draw_from_the_whole_pool(learner):
    quiz = quiz_in_new_course(
        questions=numbered_questions(6), learner=learner, draw_count=2, max_attempts=0
    )
    seen = set()
    for seed in range(12):
        attempt = attempt_start(learner=learner, quiz=quiz, rng=random.Random(seed))
        seen |= {a.snapshot["points"] for a in attempt.answers.all()}
        attempt_submit(attempt=attempt)

    assert seen == {1, 2, 3, 4, 5, 6}


def test_a_seeded_shuffle_is_repeatable_and_not_the_authoring_order(learner, other_learner):
    quiz = quiz_in_new_course(
        questions=numbered_questions(8), shuffle_questions=True, shuffle_choices=True
    )
    for person in (learner, other_learner):
        enrollment_create(learner=person, course=course_of_step(quiz))

    first = attempt_start(learner=learner, quiz=quiz, rng=random.Random(42))
    second = attempt_start(learner=other_learner, quiz=quiz, rng=random.Random(42))

    def order(attempt):
        return [
            (a.snapshot["points"], [c["text"] for c in a.snapshot["choices"]])
            for a in attempt.answers.all()
        ]

    assert order(first) == order(second)
    assert sorted(points for points, _choices in order(first)) == list(range(1, 9))
    assert [points for points, _choices in order(first)] != list(range(1, 9))
    authored = ["Openness and Transparency", "Rule of Law", "Responsiveness"]
    assert any(choices != authored for _points, choices in order(first))


def test_without_shuffling_questions_and_choices_keep_the_authoring_order(learner):
    quiz = quiz_in_new_course(
        questions=numbered_questions(5),
        learner=learner,
        shuffle_questions=False,
        shuffle_choices=False,
    )

    attempt = attempt_start(learner=learner, quiz=quiz, rng=random.Random(42))

    assert [a.snapshot["points"] for a in attempt.answers.all()] == [1, 2, 3, 4, 5]
    assert {tuple(c["text"] for c in a.snapshot["choices"]) for a in attempt.answers.all()} == {
        ("Openness and Transparency", "Rule of Law", "Responsiveness")
    }


def test_starting_again_returns_the_attempt_in_progress(learner, quiz):
    first = attempt_start(learner=learner, quiz=quiz)
    second = attempt_start(learner=learner, quiz=quiz)

    assert second.pk == first.pk
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1


def test_attempts_beyond_the_limit_are_refused(learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, max_attempts=2)
    submit_wrongly(learner, quiz)
    second = submit_wrongly(learner, quiz)

    with pytest.raises(QuizRefused, match="You have used all 2 attempts at this quiz"):
        attempt_start(learner=learner, quiz=quiz)
    assert second.number == 2
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 2


def test_a_learner_waits_between_attempts(learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, wait_minutes=30)
    first = submit_wrongly(learner, quiz)

    with pytest.raises(QuizRefused, match="You can try again in 30 minutes"):
        attempt_start(learner=learner, quiz=quiz)
    QuizAttempt.objects.filter(pk=first.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=29)
    )
    with pytest.raises(QuizRefused, match="You can try again in 1 minute"):
        attempt_start(learner=learner, quiz=quiz)

    QuizAttempt.objects.filter(pk=first.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=31)
    )
    second = attempt_start(learner=learner, quiz=quiz)
    assert (second.number, second.is_in_progress) == (2, True)


def test_a_learner_who_is_not_enrolled_cannot_start(other_learner, quiz):
    with pytest.raises(QuizRefused, match="Enroll in the course to take this quiz"):
        attempt_start(learner=other_learner, quiz=quiz)
    assert not QuizAttempt.objects.exists()


def test_a_quiz_without_questions_cannot_be_started(learner):
    quiz = quiz_in_new_course(questions=[], learner=learner)

    with pytest.raises(QuizRefused, match="This quiz has no questions yet"):
        attempt_start(learner=learner, quiz=quiz)
    assert not QuizAttempt.objects.exists()


def test_an_attempt_records_the_rules_it_was_started_under(learner):
    quiz = quiz_in_new_course(
        questions=[single_choice()],
        learner=learner,
        pass_mark=80,
        time_limit_minutes=20,
        review_policy=QuizPage.ReviewPolicy.NEVER,
    )
    before = timezone.now()

    attempt = attempt_start(learner=learner, quiz=quiz)

    assert (attempt.pass_mark, attempt.review_policy) == (80, "never")
    assert (
        before + timedelta(minutes=20) <= attempt.deadline <= timezone.now() + timedelta(minutes=20)
    )


# Saving and submitting


def test_saved_answers_are_graded_on_submit(learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    single = attempt.answers.get(position=1).snapshot

    attempt_save(attempt=attempt, raw_answers={1: correct_choice_id(single), 2: "false"})
    graded = attempt_submit(attempt=attempt)

    assert responses_in_db(graded) == {1: correct_choice_id(single), 2: "false"}
    assert (graded.score, graded.max_score, graded.percent) == (1, 2, 50)
    assert graded.status == QuizAttempt.Status.GRADED
    assert graded.saved_at is not None
    assert graded.passed is False


def test_saving_replaces_all_answers_with_the_form(learner):
    quiz = quiz_in_new_course(questions=[single_choice(), true_false()], learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_save(
        attempt=attempt,
        raw_answers={1: wrong_choice_id(attempt.answers.get(position=1).snapshot), 2: "true"},
    )

    attempt_save(attempt=attempt, raw_answers={2: "false"})

    assert responses_in_db(attempt) == {1: None, 2: "false"}


def test_a_submitted_attempt_cannot_be_saved_again(learner, quiz):
    graded = submit_wrongly(learner, quiz)

    with pytest.raises(QuizRefused, match="already been submitted"):
        attempt_save(
            attempt=graded, raw_answers={1: correct_choice_id(graded.answers.get().snapshot)}
        )
    assert responses_in_db(graded) == {1: None}


def test_submitting_twice_grades_once(learner, quiz):
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer = attempt.answers.get()
    first = attempt_submit(attempt=attempt, raw_answers={1: correct_choice_id(answer.snapshot)})

    second = attempt_submit(attempt=attempt, raw_answers={1: wrong_choice_id(answer.snapshot)})

    assert second.pk == first.pk
    assert (second.score, second.passed, second.submitted_at) == (1, True, first.submitted_at)
    assert responses_in_db(attempt) == {1: correct_choice_id(answer.snapshot)}


def test_passing_completes_the_quiz_step_in_the_course(learner, quiz):
    graded = submit_correctly(learner, quiz)

    assert graded.passed is True
    progress = StepProgress.objects.get(learner=learner, step_id=quiz.pk)
    assert progress.completed_at is not None
    outline = course_outline_for(course=course_of_step(quiz), learner=learner)
    assert step_completed(learner, quiz)
    assert (outline.progress.completed, outline.progress.total) == (1, 2)  # the lesson is left


def test_failing_leaves_the_quiz_step_open(learner, quiz):
    graded = submit_wrongly(learner, quiz)

    assert (graded.passed, graded.percent) == (False, 0)
    assert not StepProgress.objects.filter(
        learner=learner, step_id=quiz.pk, completed_at__isnull=False
    ).exists()
    assert not step_completed(learner, quiz)
    assert course_outline_for(course=course_of_step(quiz), learner=learner).progress.completed == 0


def test_the_pass_mark_is_inclusive(learner):
    quiz = quiz_in_new_course(
        questions=[single_choice(points=1), multiple_choice(points=1)],
        learner=learner,
        pass_mark=50,
    )
    attempt = attempt_start(learner=learner, quiz=quiz)
    single = answers_by_kind(attempt)["single"]

    graded = attempt_submit(
        attempt=attempt, raw_answers={single.position: correct_choice_id(single.snapshot)}
    )

    assert (graded.percent, graded.passed) == (50, True)


def test_an_optional_quiz_completes_its_step_but_not_the_course_requirement(learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, is_required=False)

    submit_correctly(learner, quiz)

    assert step_completed(learner, quiz)
    assert course_outline_for(course=course_of_step(quiz), learner=learner).progress.total == 1


# Time limit


def timed_quiz(learner, **fields):
    return quiz_in_new_course(
        questions=[single_choice(), true_false()],
        learner=learner,
        time_limit_minutes=10,
        **fields,
    )


def expire(attempt, *, by=timedelta(seconds=1)):
    """Move the attempt's deadline into the past, beyond the grace period by `by`."""
    attempt.deadline = timezone.now() - DEADLINE_GRACE - by
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=attempt.deadline)


def test_answers_after_the_deadline_are_not_saved_and_the_attempt_is_graded(learner):
    attempt = attempt_start(learner=learner, quiz=timed_quiz(learner))
    correct = correct_choice_id(attempt.answers.get(position=1).snapshot)
    attempt_save(attempt=attempt, raw_answers={1: correct})
    expire(attempt)

    with pytest.raises(TimeIsUp) as late:
        attempt_save(attempt=attempt, raw_answers={1: correct, 2: "true"})

    assert responses_in_db(attempt) == {1: correct, 2: None}
    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert late.value.attempt.pk == attempt.pk
    assert (graded.status, graded.score, graded.percent) == ("graded", 1, 50)


def test_a_late_submit_is_graded_on_what_was_saved_in_time(learner):
    attempt = attempt_start(learner=learner, quiz=timed_quiz(learner))
    attempt_save(attempt=attempt, raw_answers={2: "true"})
    expire(attempt)

    with pytest.raises(TimeIsUp):
        attempt_submit(attempt=attempt, raw_answers=correct_responses(attempt))

    graded = QuizAttempt.objects.get(pk=attempt.pk)
    assert (graded.status, graded.score) == ("graded", 1)
    assert responses_in_db(graded) == {1: None, 2: "true"}


def test_answers_within_the_grace_period_still_count(learner):
    attempt = attempt_start(learner=learner, quiz=timed_quiz(learner))
    attempt.deadline = timezone.now() - DEADLINE_GRACE + timedelta(seconds=5)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=attempt.deadline)

    graded = attempt_submit(attempt=attempt, raw_answers=correct_responses(attempt))

    assert (graded.score, graded.passed) == (2, True)


def test_starting_after_an_expired_attempt_grades_it_and_starts_the_next(learner):
    quiz = timed_quiz(learner)
    expired = attempt_start(learner=learner, quiz=quiz)
    attempt_save(attempt=expired, raw_answers={2: "true"})
    expire(expired)

    current = attempt_start(learner=learner, quiz=quiz)

    assert current.pk != expired.pk
    assert current.number == 2
    expired.refresh_from_db()
    assert (expired.status, expired.score) == ("graded", 1)


# Open answers and trainer grading


def open_quiz(learner, **fields):
    return quiz_in_new_course(
        questions=[single_choice(points=1), open_question(points=4)], learner=learner, **fields
    )


def submit_open(learner, quiz, essay="We will publish the budget and hold a hearing."):
    attempt = attempt_start(learner=learner, quiz=quiz)
    raw = correct_responses(attempt)
    raw[answers_by_kind(attempt)["open"].position] = essay
    return attempt_submit(attempt=attempt, raw_answers=raw)


def test_an_open_answer_keeps_the_attempt_awaiting_grading(learner):
    quiz = open_quiz(learner)

    attempt = submit_open(learner, quiz)

    assert attempt.status == QuizAttempt.Status.AWAITING_GRADING
    assert (attempt.passed, attempt.percent, attempt.score) == (None, None, 1)
    assert answers_by_kind(attempt)["open"].needs_grading is True
    assert not step_completed(learner, quiz)


def test_a_blank_open_answer_needs_no_grading(learner):
    quiz = open_quiz(learner)

    attempt = submit_open(learner, quiz, essay="")

    assert attempt.status == QuizAttempt.Status.GRADED
    assert (attempt.score, attempt.percent, attempt.passed) == (1, 20, False)


def test_grading_the_open_answer_passes_completes_and_emails_the_learner(
    learner, mailoutbox, django_capture_on_commit_callbacks
):
    quiz = open_quiz(learner)
    attempt = submit_open(learner, quiz)
    trainer = make_trainer(full_name="Tarik Trener")

    with django_capture_on_commit_callbacks(execute=True):
        result = answer_grade(
            answer=answers_by_kind(attempt)["open"],
            score=3,
            comment="A concrete plan. Add a date.",
            grader=trainer,
        )

    attempt.refresh_from_db()
    assert result.attempt_completed
    assert attempt.status == QuizAttempt.Status.GRADED
    assert (attempt.score, attempt.percent, attempt.passed) == (4, 80, True)
    essay = answers_by_kind(attempt)["open"]
    assert (essay.score, essay.needs_grading, essay.graded_by) == (3, False, trainer)
    assert essay.grader_comment == "A concrete plan. Add a date."
    assert step_completed(learner, quiz)
    assert [message.to for message in mailoutbox] == [[learner.email]]
    assert quiz.title in mailoutbox[0].subject
    assert f"attempts/{attempt.pk}/result/" in mailoutbox[0].body


def test_a_low_grade_for_the_open_answer_fails_the_attempt(
    learner, mailoutbox, django_capture_on_commit_callbacks
):
    quiz = open_quiz(learner)
    attempt = submit_open(learner, quiz)

    with django_capture_on_commit_callbacks(execute=True):
        answer_grade(
            answer=answers_by_kind(attempt)["open"],
            score=1,
            comment="Too vague.",
            grader=make_trainer(),
        )

    attempt.refresh_from_db()
    assert (attempt.status, attempt.percent, attempt.passed) == ("graded", 40, False)
    assert not step_completed(learner, quiz)
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("score", [-1, 5, "4.01"])
def test_a_score_outside_the_questions_points_is_refused(learner, score):
    attempt = submit_open(learner, open_quiz(learner))
    essay = answers_by_kind(attempt)["open"]

    with pytest.raises(ValueError, match="Give between 0 and 4 points"):
        answer_grade(answer=essay, score=score, comment="", grader=make_trainer())

    essay.refresh_from_db()
    attempt.refresh_from_db()
    assert (essay.score, essay.needs_grading, essay.graded_by) == (0, True, None)
    assert attempt.status == QuizAttempt.Status.AWAITING_GRADING


def test_two_open_answers_keep_the_attempt_waiting_until_both_are_graded(learner):
    quiz = quiz_in_new_course(
        questions=[
            open_question("First essay?", points=2),
            open_question("Second essay?", points=2),
        ],
        learner=learner,
    )
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt = attempt_submit(attempt=attempt, raw_answers={1: "One.", 2: "Two."})
    first, second = attempt.answers.all()
    trainer = make_trainer()

    after_first = answer_grade(answer=first, score=2, comment="", grader=trainer)
    attempt.refresh_from_db()
    assert not after_first.attempt_completed
    assert attempt.status == QuizAttempt.Status.AWAITING_GRADING

    after_second = answer_grade(answer=second, score=2, comment="", grader=trainer)
    attempt.refresh_from_db()
    assert after_second.attempt_completed
    assert (attempt.status, attempt.percent, attempt.passed) == ("graded", 100, True)


def test_every_kind_of_question_answered_correctly_passes(learner):
    quiz = quiz_in_new_course(questions=every_kind_of_question(), learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)

    graded = attempt_submit(attempt=attempt, raw_answers=correct_responses(attempt))
    answer_grade(answer=answers_by_kind(graded)["open"], score=5, comment="", grader=make_trainer())

    graded.refresh_from_db()
    assert (graded.score, graded.max_score, graded.passed) == (14, 14, True)


def test_another_quiz_attempts_are_counted_apart(learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, max_attempts=1)
    other = add_quiz(quiz.get_parent(), questions=[single_choice()], max_attempts=1)
    submit_wrongly(learner, quiz)

    attempt = attempt_start(learner=learner, quiz=other)

    assert attempt.number == 1


def test_one_learners_attempts_do_not_count_for_another(learner):
    quiz = quiz_in_new_course(questions=[single_choice()], learner=learner, max_attempts=1)
    colleague = UserFactory()
    enrollment_create(learner=colleague, course=course_of_step(quiz))
    submit_wrongly(learner, quiz)

    assert attempt_start(learner=colleague, quiz=quiz).number == 1
