"""axe-core in Chromium on every learner-facing page type, in English and Bosnian: no violation
of impact serious or critical; moderate ones are listed as warnings, to fix when we can."""

import re
import warnings
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from assignments.services import submission_grade, submission_save, submission_submit
from courses.services import enrollment_create, step_complete
from quizzes.models import QuizPage
from quizzes.services import attempt_start, attempt_submit
from tests.assignments.conftest import add_assignment, levels_for
from tests.factories import assign_trainer, lessons_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BLOCKING = {"serious", "critical"}


class AxeModerateWarning(UserWarning):
    """A moderate accessibility finding: listed, not blocking."""


@pytest.fixture
def learner_with_history(enrolled_learner, lap_course, certified_course):
    """A learner who has read a lesson, has a finished and an in-progress timed quiz attempt,
    holds a certificate, and has an assignment's feedback to revise."""
    lesson = lessons_of(lap_course)[0]
    step_complete(learner=enrolled_learner, course=lap_course, step=lesson)
    QuizPage.objects.update(wait_minutes=0, time_limit_minutes=20)
    quiz = QuizPage.objects.get()
    finished = attempt_submit(attempt=attempt_start(learner=enrolled_learner, quiz=quiz))
    in_progress = attempt_start(learner=enrolled_learner, quiz=quiz)
    enrollment_create(learner=enrolled_learner, course=certified_course)
    for step in lessons_of(certified_course):  # completing issues the certificate
        step_complete(learner=enrolled_learner, course=certified_course, step=step)
    certificate = enrolled_learner.certificates.get()
    assignment = add_assignment(lap_course.get_children().last().specific)
    submission_save(assignment=assignment, learner=enrolled_learner, text="Our map.")
    handed_in = submission_submit(assignment=assignment, learner=enrolled_learner)
    submission_grade(  # below the pass mark: the feedback and the form to revise, both shown
        submission=handed_in,
        grader=assign_trainer(lap_course),
        levels=levels_for(handed_in, [1, 0, 0]),
        criterion_feedback={},
        feedback="Add links.",
    )
    return {
        "lesson": lesson.url,
        "quiz in progress": f"{quiz.url}attempts/{in_progress.pk}/",
        "quiz result": f"{quiz.url}attempts/{finished.pk}/result/",
        "assignment with feedback": assignment.url,
        "my learning": "/en/my-learning/",
        "certificate verification": certificate.verification_path,
    }


def violations(page):
    """axe's findings on the page as shown: (impact, rule, help, where) tuples."""
    response = Axe().run(page).response
    return [
        (v["impact"], v["id"], v["help"], [node["target"] for node in v["nodes"]][:3])
        for v in response["violations"]
    ]


def scan(page, pages, language):
    """Open each page in `language` and return its findings by page type."""
    findings = {}
    for name, path in pages.items():
        page.goto(path.replace("/en/", f"/{language}/", 1))
        expect(page.locator("html")).to_have_attribute("lang", language)
        findings[name] = violations(page)
        print(f"axe [{language}] {name}: {findings[name] or 'no violations'}")
    return findings


@pytest.mark.parametrize("language", ["en", "bs"])
@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_learner_pages_have_no_serious_or_critical_accessibility_violations(
    page, new_context, language, lap_course, enrolled_learner, learner_with_history, log_in
):
    learner_pages = dict(learner_with_history)
    public_pages = {
        "home": "/en/",
        "catalogue": "/en/courses/",
        "course": lap_course.url,
        "sign-up": "/en/accounts/signup/",
        "login": "/en/accounts/login/",
        "certificate verification": learner_pages.pop("certificate verification"),
    }
    # A visitor whose browser asks for the language: /verify/ has no language prefix.
    visitor = new_context("desktop", locale={"en": "en-GB", "bs": "bs-BA"}[language])
    findings = scan(visitor.new_page(), public_pages, language)
    log_in(page, enrolled_learner)
    findings |= scan(page, learner_pages, language)

    for name, found in findings.items():
        for impact, rule, help_text, where in found:
            if impact == "moderate":
                warnings.warn(
                    f"[{language}] {name}: {rule}: {help_text} at {where}",
                    AxeModerateWarning,
                    stacklevel=1,
                )
    blocking = [
        f"[{language}] {name}: {rule} ({impact}): {help_text} at {where}"
        for name, found in findings.items()
        for impact, rule, help_text, where in found
        if impact in BLOCKING
    ]
    assert not blocking, "\n".join(blocking)


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_the_scan_fails_a_page_with_a_serious_violation(page):
    """The check above can fail: axe reports an unlabelled field as serious or critical."""
    page.set_content("<html lang='en'><title>t</title><main><input type='text'></main></html>")

    assert any(impact in BLOCKING and rule == "label" for impact, rule, *_ in violations(page))


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_sign_up_errors_are_linked_to_their_fields(page, site_url):
    page.goto("/en/accounts/signup/")
    page.get_by_role("button", name="Create account").click()

    email = page.locator("#id_email")
    expect(email).to_have_attribute("aria-invalid", "true")
    described_by = email.get_attribute("aria-describedby").split()
    error_texts = [page.locator(f"#{id_}").inner_text() for id_ in described_by]
    assert any("This field is required." in text for text in error_texts)
    assert not [v for v in violations(page) if v[0] in BLOCKING]


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_the_quiz_timer_speaks_once_a_minute_not_every_second(page, enrolled_learner, log_in):
    QuizPage.objects.update(time_limit_minutes=20)
    quiz = QuizPage.objects.get()
    attempt = attempt_start(learner=enrolled_learner, quiz=quiz)
    log_in(page, enrolled_learner, next_path=f"{quiz.url}attempts/{attempt.pk}/")
    # 64 seconds left once logged in (a login can take seconds on a busy machine): the clock
    # reaches 1:00 about four seconds after the page opens again.
    type(attempt).objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() + timedelta(seconds=64)
    )
    page.reload()

    announcer = page.locator("#quiz-timer-announcer")
    expect(page.get_by_role("timer")).not_to_have_attribute("aria-live", re.compile("."))
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_have_text("")
    expect(announcer).to_have_text("Time left: 1:00", timeout=10_000)
    page.wait_for_timeout(1_500)
    expect(announcer).to_have_text("Time left: 1:00")  # silent between minutes
