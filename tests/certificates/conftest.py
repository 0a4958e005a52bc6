"""Certificate fixtures: a short course with a certificate rule, learners who completed it, the
people who administer certificates, and helpers to read the PDFs they get.

Completing a course inside a test's transaction queues nothing that runs: `on_commit` callbacks
only run inside `django_capture_on_commit_callbacks(execute=True)`. So `completed_learner` has no
certificate until a test issues one, and `issued` gives one with its PDF rendered and emailed."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from academy.accounts.models import User
from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS
from academy.governance.models import Principle
from certificates.models import CertificateTemplate, CourseCertificateRule
from certificates.services import certificate_issue
from courses.models import ModulePage
from courses.services import enrollment_create, step_complete
from quizzes.services import attempt_start, attempt_submit
from tests.factories import (
    PASSWORD,
    UserFactory,
    add_quiz,
    lessons_of,
    make_course,
    make_trainer,
    single_choice,
)


@pytest.fixture
def template(db):
    """The default template from the migrations: the Council of Europe and LDA Mostar issue."""
    return CertificateTemplate.objects.get(title="Certificate of Completion")


def certified_course(template, *, issuance="automatic", title="Good Local Governance", **rule):
    """A published one-module, two-lesson course of 12 hours on principles 6 and 9, with a
    certificate rule."""
    course = make_course(modules=1, lessons_per_module=2, title=title, estimated_hours=12)
    course.principles.set(Principle.objects.filter(number__in=[6, 9]))
    course.save()
    CourseCertificateRule.objects.create(
        course=course, template=template, issuance=issuance, **rule
    )
    return course


@pytest.fixture
def course(template):
    """Overrides the root `course`: smaller, and awarding certificates automatically."""
    return certified_course(template)


def complete(learner, course):
    """Enroll and complete every lesson, as the learner would by clicking "Mark complete"."""
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)


@pytest.fixture
def completed_learner(learner, course):
    """Amra Hodžić, who completed `course` (no certificate issued yet)."""
    complete(learner, course)
    return learner


@pytest.fixture
def issue(django_capture_on_commit_callbacks):
    """Issue a certificate as a task would, running what it queues (PDF, email)."""

    def issue_now(learner, course, issued_by=None):
        with django_capture_on_commit_callbacks(execute=True):
            certificate = certificate_issue(learner=learner, course=course, issued_by=issued_by)
        certificate.refresh_from_db()
        return certificate

    return issue_now


@pytest.fixture
def issued(completed_learner, course, issue):
    """Amra's valid certificate for `course`, its PDF rendered."""
    return issue(completed_learner, course)


@pytest.fixture
def cert_admin(db):
    return UserFactory(
        email="ana.admin@lap.example", full_name="Ana Admin", group=CERTIFICATE_ADMINISTRATORS
    )


@pytest.fixture
def trainer(db):
    return make_trainer(email="tarik@lap.example", full_name="Tarik Trener")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(
        email="root@lap.example", password=PASSWORD, full_name="Root Admin"
    )


@pytest.fixture
def cert_admin_client(client, cert_admin):
    client.force_login(cert_admin)
    return client


def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pdf_reader(data).pages)


def stored_pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def quiz_course(template, *, questions=2, pass_mark=50, **rule):
    """A course of one lesson and one quiz of `questions` one-point questions, with a rule."""
    course = certified_course(template, **rule)
    module = ModulePage.objects.child_of(course).get()
    add_quiz(
        module,
        questions=[single_choice(f"Question {n}?") for n in range(1, questions + 1)],
        pass_mark=pass_mark,
        shuffle_choices=False,
    )
    return course


def take_quiz(learner, quiz, *, correct: int):
    """Submit an attempt with the first `correct` questions answered right, the rest wrong."""
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = {}
    for answer in attempt.answers.order_by("position"):
        wanted = answer.position <= correct
        answers[answer.position] = next(
            choice["id"] for choice in answer.snapshot["choices"] if choice["correct"] == wanted
        )
    return attempt_submit(attempt=attempt, raw_answers=answers)


def certificate_emails(outbox):
    """The "Your certificate" emails among those sent (enrolling sends one too)."""
    return [message for message in outbox if message.subject.startswith("Your certificate")]
