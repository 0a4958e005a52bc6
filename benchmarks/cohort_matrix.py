"""Cohort progress matrix at scale: LEARNERS learners by STEPS steps; queries and time.

    DATABASE_URL=postgres://... python benchmarks/cohort_matrix.py --learners 2000 --steps 60

Builds (once) a course of STEPS lessons in 12 modules and a cohort whose learners have completed
a random share of them, then builds the matrix and writes it as CSV rows, five times, and prints
the median time and the query count of one build. Then downloads the CSV export from the admin
report (as a site administrator, in-process) and prints its queries, time to the first row and
total time, and whether it was streamed (StreamingHttpResponse).
"""

import argparse
import csv
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.base")


def build(learners, steps):
    from django.utils import timezone

    from academy.accounts.models import User
    from courses.models import (
        Cohort,
        CourseIndexPage,
        CoursePage,
        Enrollment,
        LessonPage,
        ModulePage,
        StepProgress,
    )

    name = f"Matrix benchmark {learners}x{steps}"
    cohort = Cohort.objects.filter(name=name).first()
    if cohort:
        return cohort
    index = CourseIndexPage.objects.order_by("path").first()
    course = CoursePage(title=name, slug=f"matrix-{learners}-{steps}", summary="Benchmark.")
    index.add_child(instance=course)
    lessons = []
    for m in range(12):
        module = ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
        course.add_child(instance=module)
        for n in range(steps // 12 + (m < steps % 12)):  # exactly STEPS lessons
            lesson = LessonPage(title=f"Lesson {m + 1}.{n + 1}", slug=f"lesson-{n + 1}", body=[])
            module.add_child(instance=lesson)
            lessons.append(lesson)
    cohort = Cohort.objects.create(course=course, name=name)
    users = User.objects.bulk_create(
        User(email=f"matrix{learners}-{n}@lap.example", full_name=f"Learner {n}", password="!")
        for n in range(learners)
    )
    Enrollment.objects.bulk_create(
        Enrollment(learner=user, course=course, cohort=cohort, last_activity_at=timezone.now())
        for user in users
    )
    rng = random.Random(1)  # noqa: S311 - benchmark data
    StepProgress.objects.bulk_create(
        StepProgress(learner=user, step=lesson, completed_at=timezone.now())
        for user in users
        for lesson in lessons[: rng.randint(0, len(lessons))]
    )
    return cohort


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.reports import cohort_matrix

    cohort = build(args.learners, args.steps)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            matrix = cohort_matrix(cohort=cohort, order="-progress")
        out = io.StringIO()
        writer = csv.writer(out)
        columns = matrix.export_columns()
        writer.writerow([label for _key, label in columns])
        for row in matrix.rows:
            values = matrix.export_row(row)
            writer.writerow([values[key] for key, _label in columns])
        timings.append(time.perf_counter() - started)
    command = "python benchmarks/cohort_matrix.py"
    print(f"command: {command} --learners {args.learners} --steps {args.steps}")
    print(f"rows: {len(matrix.rows)}, columns: {len(columns)}, queries: {len(queries)}")
    print(f"matrix + CSV: median {1000 * statistics.median(timings):.0f} ms of 5 runs")
    export(cohort)


def export(cohort):
    """The admin's CSV download, through the whole Django stack (middleware, permissions)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from academy.accounts.models import User

    admin, _ = User.objects.get_or_create(
        email="matrix-admin@lap.example",
        defaults={"full_name": "Bench Admin", "is_superuser": True, "is_staff": True},
    )
    client = Client()
    client.force_login(admin)
    url = reverse("cohort_matrix", args=[cohort.pk]) + "?export=csv"
    timings, first_rows = [], []
    for _ in range(3):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, secure=True)
            chunks = iter(response.streaming_content if response.streaming else [response.content])
            next(chunks)
            first_rows.append(time.perf_counter() - started)
            size = sum(len(chunk) for chunk in chunks)
        timings.append(time.perf_counter() - started)
    print(
        f"CSV export via the admin: streamed: {response.streaming}, status {response.status_code}, "
        f"{size // 1024} KiB, queries: {len(queries)}, first row after "
        f"{1000 * statistics.median(first_rows):.0f} ms, all in "
        f"{1000 * statistics.median(timings):.0f} ms (median of 3)"
    )


if __name__ == "__main__":
    main()
