"""Certificate rendering throughput: N certificates rendered by one worker process.

    DATABASE_URL=postgres://... python benchmarks/certificates_render.py --count 200

Measures two rates side by side in one run: the raw PDF rendering rate (render_pdf only, no
database writes) and the full task rate (certificates.tasks.render_certificate: load, render,
store the file, hash, save). Creates its own learners and certificates in the given database.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.base")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from academy.accounts.models import User
    from certificates.models import Certificate, CertificateTemplate
    from certificates.pdf import render_pdf
    from certificates.tasks import render_certificate
    from courses.models import CoursePage

    course = CoursePage.objects.first()
    template = CertificateTemplate.objects.order_by("pk").first()
    if course is None or template is None:
        sys.exit("Run migrate and load_demo (or create a course) first.")
    year = timezone.now().year
    with transaction.atomic():
        certificates = []
        for n in range(args.count):
            learner, _ = User.objects.get_or_create(
                email=f"render{n}@lap.example",
                defaults={"full_name": f"Милица Јовановић {n}" if n % 2 else f"Ivana Šarić {n}"},
            )
            Certificate.objects.filter(learner=learner, course=course).delete()
            certificates.append(
                Certificate.objects.create(
                    learner=learner,
                    course=course,
                    template=template,
                    status=Certificate.Status.VALID,
                    serial=f"BENCH-{year}-{n:06d}",
                    issued_at=timezone.now(),
                    learner_name=learner.full_name,
                    course_title=course.title,
                    hours=course.estimated_hours,
                    principles=[{"number": 6, "name": "Openness and Transparency"}],
                )
            )

    started = time.perf_counter()
    for certificate in certificates:
        render_pdf(certificate)
    raw = args.count / (time.perf_counter() - started)

    started = time.perf_counter()
    for certificate in certificates:
        render_certificate.apply(args=[certificate.pk])  # the task body, in this process
    full = args.count / (time.perf_counter() - started)

    print(f"command: python benchmarks/certificates_render.py --count {args.count}")
    print(f"raw PDF rendering: {raw:.1f} certificates/s")
    print(f"render task (load, render, store, hash, save): {full:.1f} certificates/s")
    print(f"ratio task/raw: {full / raw:.2f}")
    Certificate.objects.filter(serial__startswith="BENCH-").delete()


if __name__ == "__main__":
    main()
