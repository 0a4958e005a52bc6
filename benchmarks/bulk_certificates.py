"""Bulk issue: COUNT certificates issued and rendered by WORKERS real Celery worker processes.

    DATABASE_URL=postgres://... CELERY_BROKER_URL=redis://.../9 \\
        python benchmarks/bulk_certificates.py --count 1000 --workers 2

Creates COUNT learners who completed a course with an automatic certificate rule, measures the
raw PDF rendering rate in this process (render_pdf only), then starts WORKERS `celery worker
--pool=solo` processes on their own queue, queues one bulk issue (the admin's "Issue to all")
and times it until every certificate is issued and its PDF rendered and hashed. Prints
certificates per second, the ratio to the raw rendering rate and the duplicate count (must be 0).
Run after `migrate` and `load_demo` (for a certificate template).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.base")
QUEUE = f"lap-bench-bulk-{os.getpid()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--raw-sample", type=int, default=100)
    args = parser.parse_args()
    os.environ["CELERY_TASK_DEFAULT_QUEUE"] = QUEUE

    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction
    from django.db.models import Count
    from django.utils import timezone

    from academy.accounts.models import User
    from certificates.models import Certificate, CertificateTemplate, CourseCertificateRule
    from certificates.pdf import render_pdf
    from certificates.services import bulk_issue_start
    from courses.models import CourseIndexPage, CoursePage, Enrollment

    if not settings.CELERY_BROKER_URL:
        sys.exit("Set CELERY_BROKER_URL (Redis): the workers are real processes.")
    template = CertificateTemplate.objects.order_by("pk").first()
    if template is None:
        sys.exit("Run migrate and load_demo first (a certificate template is needed).")

    slug = f"bench-bulk-{args.count}"
    course = CoursePage.objects.filter(slug=slug).first()
    if course is None:
        course = CoursePage(title="Leadership Values", slug=slug, summary="Bench.")
        CourseIndexPage.objects.order_by("path").first().add_child(instance=course)
        course.save_revision().publish()
        CourseCertificateRule.objects.create(course=course, template=template)
        users = User.objects.bulk_create(
            User(
                email=f"bulk{args.count}-{n}@lap.example",
                full_name=f"Ivana Šarić {n}",
                password="!",
            )
            for n in range(args.count)
        )
        Enrollment.objects.bulk_create(
            Enrollment(
                learner=user,
                course=course,
                status=Enrollment.Status.COMPLETED,
                completed_at=timezone.now(),
            )
            for user in users
        )
    Certificate.objects.filter(course=course).delete()

    # The raw rate: render_pdf alone on unsaved certificates, in this process.
    learners = list(User.objects.filter(enrollments__course=course)[: args.raw_sample])
    samples = [
        Certificate(
            learner=learner,
            course=course,
            template=template,
            serial=f"RAW-{n:06d}",
            issued_at=timezone.now(),
            learner_name=learner.full_name,
            course_title=course.title,
            principles=[],
            language="en",
            status=Certificate.Status.VALID,
        )
        for n, learner in enumerate(learners)
    ]
    started = time.perf_counter()
    for certificate in samples:
        render_pdf(certificate)
    raw = len(samples) / (time.perf_counter() - started)

    env = {**os.environ, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "academy",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "-Q",
                QUEUE,
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"bulk{n}@%h",
            ],
            env=env,
            cwd=ROOT,
        )
        for n in range(args.workers)
    ]
    try:
        from academy.celery import app

        deadline = time.monotonic() + 60
        while len(app.control.ping(timeout=0.5) or []) < args.workers:
            if time.monotonic() > deadline:
                sys.exit("The workers did not start.")
        started = time.perf_counter()
        with transaction.atomic():
            bulk_issue_start(course=course, requested_by=None)
        rendered = Certificate.objects.filter(course=course, pdf_sha256__gt="")
        while rendered.count() < args.count:
            time.sleep(0.2)
            if time.perf_counter() - started > 3600:
                sys.exit("Timed out.")
        elapsed = time.perf_counter() - started
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)

    duplicates = (
        Certificate.objects.filter(course=course)
        .values("learner")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    serials = Certificate.objects.filter(course=course).values("serial")
    rate = args.count / elapsed
    print(
        f"command: python benchmarks/bulk_certificates.py --count {args.count} "
        f"--workers {args.workers} ({os.cpu_count()} cores)"
    )
    print(f"raw PDF rendering (one process): {raw:.1f} certificates/s")
    print(
        f"bulk issue, issued + rendered by {args.workers} workers: {args.count} in "
        f"{elapsed:.1f}s = {rate:.1f} certificates/s (ratio to raw {rate / raw:.2f})"
    )
    print(f"duplicates: {duplicates}, distinct serials: {serials.distinct().count()}")
    return 1 if duplicates else 0


if __name__ == "__main__":
    sys.exit(main())
