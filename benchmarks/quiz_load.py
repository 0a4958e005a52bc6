"""Quiz load benchmark: N concurrent learners log in, start, answer and submit a quiz against a
running LAP Academy server; reports throughput and p50/p95 latency per step.

    python benchmarks/quiz_load.py setup --learners 50 --questions 20      # uses DATABASE_URL
    python benchmarks/quiz_load.py run --base-url http://127.0.0.1:8100 --learners 50
    python benchmarks/quiz_load.py run ... --think 5 --ramp 20   # paced like people, see below

By default every learner fires each step the moment the previous one returns, all starting
together (a burst: the worst case, bounded by CPU). `--think S` waits 0.5-1.5 x S seconds
between a learner's steps (reading, answering) and `--ramp R` spreads their first step over R
seconds, which is how 50 people in one quiz load a server.

`benchmarks/run_quiz_load.sh` does both against gunicorn on PostgreSQL. Setup and run must use
the same database as the server. Afterwards `verify` checks zero duplicate attempts.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.base")

PASSWORD = "bench-password-2026"  # benchmark accounts only
# Sessions made by `setup` (as a login would): the run does not spend the first half minute on
# 50 deliberately slow password hashes, which are not what this benchmark measures.
SESSIONS_FILE = Path(__file__).resolve().parent / ".quiz-sessions.json"
COURSE_SLUG = "benchmark-course"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RADIO = re.compile(r'type="radio" name="(q\d+)" value="([^"]+)"')


def django_setup():
    import django

    django.setup()


def setup(args):
    django_setup()
    from django.contrib.auth.models import Group

    from academy.accounts.models import User
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from courses.services import enrollment_create
    from quizzes.models import Question, QuizPage

    index = CourseIndexPage.objects.order_by("path").first()
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        course = CoursePage(title="Benchmark course", slug=COURSE_SLUG, summary="Load testing.")
        index.add_child(instance=course)
        course.save_revision().publish()
        module = ModulePage(title="Module", slug="module")
        course.add_child(instance=module)
        module.save_revision().publish()
        quiz = QuizPage(title="Benchmark quiz", slug="quiz", pass_mark=50)
        for n in range(args.questions):
            choices = [
                {"text": f"Answer {c}", "is_correct": c == 0, "feedback": ""} for c in range(4)
            ]
            key = [{"type": "single", "value": {"choices": choices}}]
            quiz.questions.add(Question(sort_order=n, prompt=f"<p>Q{n}</p>", answer_key=key))
        module.add_child(instance=quiz)
        quiz.save_revision().publish()
    learners = Group.objects.get(name="Learners")
    for n in range(args.learners):
        user, created = User.objects.get_or_create(
            email=f"bench{n}@lap.example", defaults={"full_name": f"Bench Learner {n}"}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(learners)
        enrollment_create(learner=user, course=course)
    quiz = QuizPage.objects.descendant_of(course).get()
    print(f"quiz url path: {quiz.url}")
    from django.test import Client

    sessions = {}
    for n in range(args.learners):
        client = Client()
        client.force_login(User.objects.get(email=f"bench{n}@lap.example"))
        sessions[n] = client.cookies["sessionid"].value
    SESSIONS_FILE.write_text(json.dumps(sessions))


def timed_request(session, timings, step, method, url, **kwargs):
    started = time.perf_counter()
    response = session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
    timings[step].append(time.perf_counter() - started)
    return response


def log_in(session, base, n, timings):
    login_url = f"{base}/en/accounts/login/"
    token = CSRF.search(session.get(login_url).text).group(1)
    response = timed_request(
        session,
        timings,
        "login",
        "POST",
        login_url,
        data={
            "csrfmiddlewaretoken": token,
            "username": f"bench{n}@lap.example",
            "password": PASSWORD,
        },
        headers={"Referer": login_url},
    )
    assert response.status_code == 302, f"login {response.status_code}"


def learner_journey(
    base, quiz_path, n, timings, errors, logged_in, session_key=None, think=0.0, ramp=0.0
):
    session = requests.Session()
    rng = random.Random(n)  # noqa: S311 (pauses, not secrets; the same in every run)

    def timed(*args, **kwargs):
        time.sleep(rng.uniform(0.5, 1.5) * think)
        return timed_request(*args, **kwargs)

    try:
        if session_key:
            session.cookies.set("sessionid", session_key)
        else:
            log_in(session, base, n, timings)
    except Exception as error:  # a learner who cannot log in still joins the barrier
        errors.append(f"learner {n}: {error}")
    logged_in.wait()  # password hashing is slow by design: time the quiz steps apart from it
    time.sleep(rng.uniform(0, ramp))
    try:
        quiz_url = base + quiz_path
        page = timed(session, timings, "quiz page", "GET", quiz_url)
        token = CSRF.search(page.text).group(1)
        response = timed(
            session,
            timings,
            "start",
            "POST",
            quiz_url + "attempts/start/",
            data={"csrfmiddlewaretoken": token},
            headers={"Referer": quiz_url},
        )
        assert response.status_code == 302, f"start {response.status_code}"
        attempt_url = base + response.headers["Location"]
        form = timed(session, timings, "attempt page", "GET", attempt_url)
        answers = {}
        for name, value in RADIO.findall(form.text):
            answers.setdefault(name, value)  # the first choice shown: shuffled, so any score
        data = {"csrfmiddlewaretoken": CSRF.search(form.text).group(1), **answers}
        response = timed(
            session,
            timings,
            "save",
            "POST",
            attempt_url,
            data={**data, "save": "1"},
            headers={"Referer": attempt_url},
        )
        assert response.status_code == 302, f"save {response.status_code}"
        response = timed(
            session,
            timings,
            "submit",
            "POST",
            attempt_url,
            data={**data, "submit": "1"},
            headers={"Referer": attempt_url},
        )
        assert response.status_code == 302 and "result" in response.headers["Location"], (
            f"submit {response.status_code}"
        )
        result = timed(session, timings, "result page", "GET", base + response.headers["Location"])
        assert result.status_code == 200, f"result {result.status_code}"
    except Exception as error:  # every failure is counted and printed
        errors.append(f"learner {n}: {error}")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(args):
    timings, errors = defaultdict(list), []
    started = None

    def all_logged_in():
        nonlocal started
        started = time.perf_counter()

    logged_in = threading.Barrier(args.learners, action=all_logged_in)
    sessions = json.loads(SESSIONS_FILE.read_text()) if args.sessions else {}
    threads = [
        threading.Thread(
            target=learner_journey,
            args=(args.base_url, args.quiz_path, n, timings, errors, logged_in),
            kwargs={"session_key": sessions.get(str(n)), "think": args.think, "ramp": args.ramp},
        )
        for n in range(args.learners)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    requests_done = sum(len(v) for step, v in timings.items() if step != "login")
    print(f"learners: {args.learners}, errors: {len(errors)}, quiz phase: {elapsed:.2f}s")
    print(
        f"throughput: {args.learners / elapsed:.1f} learners/s, {requests_done / elapsed:.1f} req/s"
    )
    print(f"{'step':<14}{'n':>5}{'p50 ms':>10}{'p95 ms':>10}")
    every = []
    for step, values in timings.items():
        if step != "login":
            every += values
        print(
            f"{step:<14}{len(values):>5}{1000 * statistics.median(values):>10.0f}"
            f"{1000 * percentile(values, 95):>10.0f}"
        )
    print(
        f"{'all':<14}{len(every):>5}{1000 * statistics.median(every):>10.0f}"
        f"{1000 * percentile(every, 95):>10.0f}"
    )
    for error in errors[:10]:
        print("ERROR", error)
    return 1 if errors else 0


def verify(args):
    django_setup()
    from django.db.models import Count

    from quizzes.models import QuizAttempt

    attempts = QuizAttempt.objects.filter(learner__email__startswith="bench")
    duplicates = (
        attempts.values("learner", "quiz", "number").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    in_progress = attempts.filter(status=QuizAttempt.Status.IN_PROGRESS).count()
    print(
        f"attempts: {attempts.count()}, duplicates: {duplicates}, left in progress: {in_progress}"
    )
    return 1 if duplicates or in_progress else 0


def profile(args):
    """One learner's quiz journey in-process (Django test client, same database), with each
    step's query count and time, and a pyinstrument profile of the whole journey."""
    django_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from academy.accounts.models import User
    from quizzes.models import QuizAttempt

    learner = User.objects.get(email=f"bench{args.learner}@lap.example")
    QuizAttempt.objects.filter(learner=learner).delete()
    client = Client()
    client.force_login(learner)
    steps = []

    def step(name, method, url, **data):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url, data or None)
        steps.append((name, len(queries), 1000 * (time.perf_counter() - started)))
        return response

    def journey():
        page = step("quiz page", "get", args.quiz_path)
        assert page.status_code == 200, page.status_code
        start = step("start", "post", args.quiz_path + "attempts/start/")
        attempt_url = start["Location"]
        form = step("attempt page", "get", attempt_url).content.decode()
        answers = {}
        for name, value in RADIO.findall(form):
            answers.setdefault(name, value)
        step("save", "post", attempt_url, **answers, save="1")
        submitted = step("submit", "post", attempt_url, **answers, submit="1")
        step("result page", "get", submitted["Location"])

    journey()  # warm: first-request costs are not per request
    QuizAttempt.objects.filter(learner=learner).delete()
    steps.clear()
    profiler = Profiler()
    with profiler:
        journey()
    print(f"command: python benchmarks/quiz_load.py profile --learner {args.learner}")
    print(f"{'step':<14}{'queries':>8}{'ms':>8}")
    for name, count, ms in steps:
        print(f"{name:<14}{count:>8}{ms:>8.0f}")
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--learners", type=int, default=50)
    s.add_argument("--questions", type=int, default=20)
    r = sub.add_parser("run")
    r.add_argument("--base-url", default="http://127.0.0.1:8100")
    r.add_argument("--quiz-path", default=f"/en/courses/{COURSE_SLUG}/module/quiz/")
    r.add_argument("--learners", type=int, default=50)
    r.add_argument(
        "--sessions", action="store_true", help="use the sessions made by setup, no password login"
    )
    r.add_argument("--think", type=float, default=0.0, help="seconds between a learner's steps")
    r.add_argument("--ramp", type=float, default=0.0, help="seconds over which learners start")
    sub.add_parser("verify")
    p = sub.add_parser("profile")
    p.add_argument("--learner", type=int, default=0)
    p.add_argument("--quiz-path", default=f"/en/courses/{COURSE_SLUG}/module/quiz/")
    args = parser.parse_args()
    commands = {"setup": setup, "run": run, "verify": verify, "profile": profile}
    return commands[args.command](args) or 0


if __name__ == "__main__":
    sys.exit(main())
