"""Download my data: one archive of every kind of record the platform keeps about a learner,
built by a task with its progress shown, for them alone, until its link expires."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from academy.accounts.data_export import data_export_request, data_exports_expire
from academy.accounts.models import DataExport
from academy.core.mail import send_templated_email
from academy.core.models import SentEmail
from assignments.peer_reviews import peer_review_submit, peer_reviews_assign
from assignments.services import submission_save, submission_submit
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue
from courses.journal import reflection_save
from courses.models import Cohort, Enrollment, ModulePage
from courses.services import enrollment_create, step_complete
from quizzes.services import attempt_start, attempt_submit
from tests.assignments.conftest import assignment_in_new_course, levels_for, pdf
from tests.certificates.conftest import certified_course
from tests.certificates.test_portfolio import plan_of
from tests.factories import UserFactory, add_quiz, lessons_of, open_question
from tests.workshops.conftest import running_meeting
from workshops.models import AttendanceStatus
from workshops.services import attendance_mark, attendance_rule_for, status_of_kind

pytestmark = pytest.mark.django_db

SECTIONS = {
    "profile", "enrollments", "progress", "journal", "quiz_attempts", "assignments",
    "peer_reviews", "action_plans", "attendance", "certificates", "self_assessments", "emails",
}  # fmt: skip


def a_learning_life(learner, capture, *, words):
    """`learner` completed a course of a cohort and holds its certificate, wrote a reflection,
    answered a quiz, handed in an assignment with a file and reviewed a colleague's, writes a
    plan, was marked present and was emailed; everything they wrote carries `words`."""
    course = certified_course(CertificateTemplate.objects.get(title="Certificate of Completion"))
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    with capture(execute=True):
        certificate_issue(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    reflection_save(learner=learner, lesson=lesson, block_id=block_id, text=words, shared=False)
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[open_question()])
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), raw_answers={1: words})
    assignment = assignment_in_new_course(learner=learner, peer_review=True)
    colleague = UserFactory(full_name=f"Kemal Colleague {learner.pk}")
    enrollment_create(learner=colleague, course=assignment.get_parent().get_parent().specific)
    for author, text in ((colleague, "A colleague's work"), (learner, words)):
        submission_save(
            assignment=assignment, learner=author, text=text, uploads=[pdf(f"{text}.pdf")]
        )
        submission_submit(assignment=assignment, learner=author)
    review = peer_reviews_assign(assignment=assignment, reviewer=learner)[0]
    peer_review_submit(
        review=review,
        reviewer=learner,
        levels=levels_for(review.submission, [1, 1, 1]),
        criterion_feedback={},
        feedback=words,
    )
    plan_of(learner, course)
    cohort = Cohort.objects.create(course=course, name=f"Cohort {learner.pk}")
    Enrollment.objects.filter(learner=learner, course=course).update(cohort=cohort)
    rule = attendance_rule_for(cohort=cohort)
    attendance_mark(
        meeting=running_meeting(cohort),
        learner_id=learner.pk,
        status=status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT),
        note=words,
        source="roll_call",
    )
    send_templated_email(
        to=learner.email,
        language="en",
        subject=lambda: f"About {words}",
        template="accounts/email/signup_confirmation.txt",
        context=lambda: {"user": learner, "url": "https://lap.example/", "days": 7},
    )
    return course


def archive_of(client, learner, capture):
    client.force_login(learner)
    with capture(execute=True):
        assert client.post(reverse("my_data")).status_code == 302
    export = DataExport.objects.get(user=learner)
    response = client.get(reverse("my_data_download", args=[export.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_archive_holds_every_kind_of_record_and_nothing_of_anyone_else(
    client, learner, other_learner, django_capture_on_commit_callbacks
):
    a_learning_life(learner, django_capture_on_commit_callbacks, words="Amra's own words")
    a_learning_life(other_learner, django_capture_on_commit_callbacks, words="Milica's words")

    archive = archive_of(client, learner, django_capture_on_commit_callbacks)

    names = set(archive.namelist())
    assert {f"{name}.json" for name in SECTIONS} | {"index.html"} <= names
    for name in SECTIONS - {"self_assessments"}:
        assert json.loads(archive.read(f"{name}.json")), f"{name} is empty"
    assert any(n.startswith("files/assignments/") and n.endswith(".pdf") for n in names)
    assert any(n.startswith("files/certificates/") for n in names)
    everything = b"".join(archive.read(name) for name in names).decode("utf-8", "replace")
    assert "Amra's own words" in everything and "Amra Hodžić" in everything
    assert "Milica" not in everything and "Милица" not in everything
    assert "Kemal Colleague" not in everything  # the reviewed colleague stays anonymous
    assert "Amra&#x27;s own words" in archive.read("index.html").decode()


def test_the_page_shows_progress_while_the_archive_is_prepared(client, learner):
    client.force_login(learner)
    data_export_request(user=learner)  # queued; its task has not run

    page = client.get(reverse("my_data")).content.decode()

    assert 'http-equiv="refresh"' in page and "being prepared" in page and "<progress" in page


def test_asking_twice_makes_one_archive(client, learner, django_capture_on_commit_callbacks):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("my_data"))
        client.post(reverse("my_data"))

    assert DataExport.objects.filter(user=learner).count() == 1


def test_another_persons_archive_is_a_404(
    client, learner, other_learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=other_learner)
    client.force_login(learner)

    assert client.get(reverse("my_data_download", args=[export.pk])).status_code == 404
    assert client.get(reverse("my_data_download", args=[99999])).status_code == 404
    client.logout()
    assert client.get(reverse("my_data_download", args=[export.pk])).status_code == 302


def test_an_expired_link_says_so_and_the_archive_is_deleted_within_the_hour(
    client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=learner)
    export.refresh_from_db()
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(1))
    client.force_login(learner)

    response = client.get(reverse("my_data_download", args=[export.pk]), follow=True)

    assert "That download link has expired" in response.content.decode()
    assert data_exports_expire() == 1
    assert not DataExport.objects.filter(pk=export.pk).exists()
    assert not export.file.storage.exists(export.file.name)


def test_every_email_sent_is_kept_for_the_export_with_its_subject(learner):
    send_mail("Not ours", "Sent by Django directly", None, ["x@lap.example"])
    send_templated_email(
        to=learner.email,
        language="en",
        subject=lambda: "Welcome",
        template="accounts/email/signup_confirmation.txt",
        context=lambda: {"user": learner, "url": "https://lap.example/", "days": 7},
    )

    assert list(SentEmail.objects.values_list("to", "subject")) == [(learner.email, "Welcome")]
