"""Certificates on PostgreSQL under concurrency, and issued by a real Celery worker.

Serials stay unique and gapless when many certificates are issued at once; two administrators
issuing the same certificate at once make one; completing a course ends, through the worker,
with a valid certificate and its rendered PDF."""

import hashlib
import os
import queue
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from certificates.models import (
    Certificate,
    CertificateTemplate,
    CourseCertificateRule,
    SerialCounter,
)
from certificates.services import certificate_issue
from courses.services import enrollment_create, step_complete
from tests.factories import UserFactory, completed_learners, lessons_of, make_course
from tests.services.threads import run_in_threads

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

YEAR = timezone.now().year


@pytest.fixture
def course():
    course = make_course(modules=1, lessons_per_module=1, title="Leadership Values")
    CourseCertificateRule.objects.create(
        course=course, template=CertificateTemplate.objects.order_by("pk").first()
    )
    return course


def test_twenty_certificates_issued_from_ten_threads_get_consecutive_serials(course):
    # Issued without their PDFs (render=False): these tests are about serials, not the worker.
    waiting = queue.Queue()
    for learner in completed_learners(course, 20):
        waiting.put(learner)

    def issue_until_none_left():
        while True:
            try:
                learner = waiting.get_nowait()
            except queue.Empty:
                return
            certificate_issue(learner=learner, course=course, render=False)

    _results, errors = run_in_threads(10, issue_until_none_left)

    assert errors == []
    serials = sorted(Certificate.objects.values_list("serial", flat=True))
    assert serials == [f"LAP-{YEAR}-{n:06d}" for n in range(1, 21)]
    assert Certificate.objects.filter(status=Certificate.Status.VALID).count() == 20
    assert SerialCounter.objects.get(year=YEAR).last_number == 20


def test_two_administrators_issuing_the_same_certificate_at_once_make_one(course):
    admins = [
        UserFactory(group="Certificate administrators"),
        UserFactory(group="Certificate administrators"),
    ]
    learners = completed_learners(course, 5)

    for learner in learners:
        turn = iter(admins)
        results = []
        lock = threading.Lock()

        def issue(learner=learner, turn=turn, results=results, lock=lock):
            with lock:
                admin = next(turn)
            results.append(
                certificate_issue(learner=learner, course=course, issued_by=admin, render=False)
            )

        _results, errors = run_in_threads(2, issue)
        assert errors == []
        assert len(results) == 2
        assert results[0].pk == results[1].pk

    for learner in learners:
        assert Certificate.objects.filter(learner=learner, course=course).count() == 1
    serials = sorted(Certificate.objects.values_list("serial", flat=True))
    assert serials == [f"LAP-{YEAR}-{n:06d}" for n in range(1, 6)]  # the losers used none


def test_the_worker_issues_and_renders_the_certificate_of_a_completed_course(
    learner, course, celery_worker, mail_dir, wait_until
):
    enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)

    def rendered():
        return Certificate.objects.filter(learner=learner, course=course).exclude(pdf_sha256="")

    [certificate] = wait_until(rendered, timeout=60, what="the certificate's PDF")
    assert certificate.status == Certificate.Status.VALID
    assert certificate.serial == f"LAP-{YEAR}-000001"
    assert certificate.learner_name == "Amra Hodžić"

    def emailed():
        return [
            path
            for path in mail_dir.glob("*.log")
            if certificate.serial in path.read_text(encoding="utf-8")
        ]

    [email] = wait_until(emailed, timeout=30, what="the certificate email")
    assert "Your certificate for Leadership Values" in email.read_text(encoding="utf-8")
    assert Certificate.objects.count() == 1

    # The worker stores files under its own MEDIA_ROOT (academy.settings.base).
    worker_media = Path(os.environ.get("MEDIA_ROOT", settings.BASE_DIR / "media"))
    stored = worker_media / certificate.pdf.name
    try:
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == certificate.pdf_sha256
    finally:
        stored.unlink(missing_ok=True)
