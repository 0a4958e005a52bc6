"""Learner pages through gunicorn on PostgreSQL, side by side with a minimal Django view.

    benchmarks/run_pages.sh            # creates the database, starts gunicorn, runs both parts

    python benchmarks/pages.py setup                       # courses of 5, 50 and 500 lessons
    python benchmarks/pages.py queries                     # query counts, in-process
    python benchmarks/pages.py profile                     # where a lesson page's time goes
    python benchmarks/pages.py run --base-url http://127.0.0.1:8101 --rounds 3

`queries` counts the queries of a logged-in learner's lesson page at 5, 50 and 500 lessons
(they must be equal) and of the course outline with progress at 500 lessons. `run` measures,
in the same run on the same server and alternating round by round: the minimal view
(benchmarks/urls.py), the lesson page for a logged-in learner (50 lessons), an anonymous course
page (served from the page cache when it can be cached) and the course outline with progress at
500 lessons; it prints each rate, the ratios to the minimal view and p50/p95, median of rounds.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

from benchmarks.http_load import hammer
from benchmarks.lesson_body import paragraphs

SIZES = (5, 50, 500)
LEARNER = "pages-bench@lap.example"
SESSION_FILE = Path(__file__).resolve().parent / ".pages-session"


def django_setup():
    import django

    django.setup()


def course_slug(lessons):
    return f"bench-pages-{lessons}"


def setup(args):
    django_setup()
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.utils import timezone

    from academy.accounts.models import User
    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, StepProgress
    from courses.services import enrollment_create

    learner, _ = User.objects.get_or_create(email=LEARNER, defaults={"full_name": "Bench Learner"})
    learner.groups.add(Group.objects.get(name="Learners"))
    index = CourseIndexPage.objects.order_by("path").first()
    for size in SIZES:
        course = CoursePage.objects.filter(slug=course_slug(size)).first()
        if course is None:
            course = CoursePage(title=f"Bench {size}", slug=course_slug(size), summary="Bench.")
            index.add_child(instance=course)
            course.save_revision().publish()
            per_module = min(size, 50)
            lessons = []
            for m in range(size // per_module):
                module = ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
                course.add_child(instance=module)
                for n in range(per_module):
                    lesson = LessonPage(
                        title=f"Lesson {m + 1}.{n + 1}",
                        slug=f"lesson-{n + 1}",
                        body=[{"type": "paragraph", "value": text} for text in paragraphs()],
                    )
                    module.add_child(instance=lesson)
                    lessons.append(lesson)
            enrollment_create(learner=learner, course=course)
            StepProgress.objects.bulk_create(
                StepProgress(learner=learner, step=lesson, completed_at=timezone.now())
                for lesson in lessons[: size // 2]
            )
    client = Client()
    client.force_login(learner)
    SESSION_FILE.write_text(client.cookies["sessionid"].value)
    print("setup done")


def lesson_path(size):
    from courses.models import CoursePage, LessonPage

    course = CoursePage.objects.get(slug=course_slug(size))
    return LessonPage.objects.descendant_of(course).order_by("path")[size // 2].url


def course_path(size):
    from courses.models import CoursePage

    return CoursePage.objects.get(slug=course_slug(size)).url


def queries(args):
    django_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from academy.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=LEARNER))
    secure = {"secure": True, "HTTP_HOST": "localhost"}  # as production: HTTPS, a real host

    def count(path):
        client.get(path, **secure)  # warm: first-request costs are not per page
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, **secure)
        assert response.status_code == 200, (path, response.status_code)
        return len(captured)

    print("command: python benchmarks/pages.py queries")
    lesson_counts = {size: count(lesson_path(size)) for size in SIZES}
    print(
        "lesson page queries (logged-in learner): "
        + ", ".join(f"{size} lessons: {n}" for size, n in lesson_counts.items())
    )
    print(f"course outline with progress, 500 lessons: {count(course_path(500))} queries")
    return 0 if len(set(lesson_counts.values())) == 1 else 1


def profile(args):
    """The logged-in lesson page (of a course of --lessons lessons) in-process, many times, with
    pyinstrument: where a request's time goes, without the server and the load generator."""
    django_setup()
    import time

    from django.test import Client
    from pyinstrument import Profiler

    from academy.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=LEARNER))
    path = lesson_path(args.lessons)
    secure = {"secure": True, "HTTP_HOST": "localhost"}
    for _ in range(5):  # warm: first-request costs are not per page
        assert client.get(path, **secure).status_code == 200
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    with profiler:
        for _ in range(args.requests):
            client.get(path, **secure)
    elapsed = time.perf_counter() - started
    print(
        "command: python benchmarks/pages.py profile "
        f"--requests {args.requests} --lessons {args.lessons}"
    )
    print(
        f"lesson page ({args.lessons} lessons): {1000 * elapsed / args.requests:.1f} ms per request"
    )
    print(
        profiler.output_text(
            unicode=False, color=False, show_all=os.environ.get("PROFILE_ALL") == "1"
        )
    )
    return 0


def run(args):
    django_setup()
    session = {"Cookie": f"sessionid={SESSION_FILE.read_text().strip()}"}
    base = args.base_url
    targets = {
        "minimal view": (base + "/bench/minimal/", {}),
        "lesson page, learner": (base + lesson_path(50), session),
        "course page, anonymous": (base + course_path(50), {}),
        "outline 500, learner": (base + course_path(500), session),
    }
    if args.wagtail_lms_url:  # benchmarks/wagtail_lms, set up by run_pages.sh
        lms = Path(__file__).resolve().parent / "wagtail_lms"
        lms_session = {"Cookie": f"sessionid={(lms / '.session').read_text().strip()}"}
        lms_lesson = args.wagtail_lms_url + (lms / ".lesson-path").read_text().strip()
        targets["wagtail-lms lesson"] = (lms_lesson, lms_session)
    results = {name: [] for name in targets}
    for url, headers in targets.values():
        hammer(url, headers=headers, concurrency=2, seconds=1)  # warm up every worker
    for _ in range(args.rounds):
        for name, (url, headers) in targets.items():
            results[name].append(
                hammer(url, headers=headers, concurrency=args.concurrency, seconds=args.seconds)
            )
    print(
        f"command: python benchmarks/pages.py run --rounds {args.rounds} "
        f"--concurrency {args.concurrency} --seconds {args.seconds} ({os.cpu_count()} cores)"
    )
    minimal = statistics.median(r["rate"] for r in results["minimal view"])
    print(f"{'target':<24}{'req/s':>8}{'ratio':>8}{'p50 ms':>8}{'p95 ms':>8}{'errors':>8}  cache")
    for name, runs in results.items():
        rate = statistics.median(r["rate"] for r in runs)
        print(
            f"{name:<24}{rate:>8.1f}{rate / minimal:>8.2f}"
            f"{statistics.median(r['p50'] for r in runs):>8.0f}"
            f"{statistics.median(r['p95'] for r in runs):>8.0f}"
            f"{sum(r['errors'] for r in runs):>8}  {runs[-1]['headers'].get('X-Page-Cache', '-')}"
        )
    if args.wagtail_lms_url:
        ours, theirs = (
            statistics.median(r["rate"] for r in results[name])
            for name in ("lesson page, learner", "wagtail-lms lesson")
        )
        print(f"our lesson page / wagtail-lms lesson page: {ours / theirs:.2f}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("setup")
    sub.add_parser("queries")
    p = sub.add_parser("profile")
    p.add_argument("--requests", type=int, default=200)
    p.add_argument("--lessons", type=int, choices=SIZES, default=50)
    r = sub.add_parser("run")
    r.add_argument("--base-url", default="http://127.0.0.1:8101")
    r.add_argument("--rounds", type=int, default=3)
    r.add_argument("--concurrency", type=int, default=8)
    r.add_argument("--seconds", type=float, default=5.0)
    r.add_argument("--wagtail-lms-url", help="wagtail-lms's server, to compare lesson pages")
    args = parser.parse_args()
    return {"setup": setup, "queries": queries, "profile": profile, "run": run}[args.command](
        args
    ) or 0


if __name__ == "__main__":
    sys.exit(main())
