"""Keep serving when Redis or PostgreSQL falter, and lose nothing.

A gunicorn app server and a Celery worker run on the test database with a Redis server of this
test's own (cache, sessions' copies and broker), which the test stops and starts again. During
the outage learners keep working; the certificate their quiz earns waits in the outbox and is
issued, once, when Redis is back. With the database unreachable every page is a clean 503."""

import json
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.test import Client

from academy.core.models import OutboxTask
from certificates.models import Certificate, CertificateTemplate, CourseCertificateRule
from courses.models import Enrollment, ModulePage
from courses.services import enrollment_create, step_complete
from quizzes.models import AttemptAnswer
from tests.factories import PASSWORD, add_quiz, lessons_of, make_course, single_choice
from tests.services.servers import AppServer, RedisServer, database_url, free_port
from tests.services.workers import start_celery_worker, wait_until

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUE = f"lap-services-outage-{os.getpid()}"


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def stack(own_redis, mail_dir):
    """The app server and a worker, both on `own_redis` as cache and broker."""
    env = {
        "REDIS_URL": own_redis.url(0),
        "CELERY_BROKER_URL": own_redis.url(1),
        "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
        "PAGE_CACHE_SECONDS": "300",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    worker = start_celery_worker(queue=QUEUE, **env)
    try:
        with AppServer(**env) as app_server:
            yield app_server
    finally:
        worker.terminate()
        worker.wait(timeout=30)


@pytest.fixture
def course_with_final_quiz(learner):
    """A lesson done and a quiz left: passing the quiz completes the course, which earns a
    certificate automatically."""
    course = make_course(modules=1, lessons_per_module=1, title="Open Budgets")
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[single_choice()])
    CourseCertificateRule.objects.create(
        course=course, template=CertificateTemplate.objects.order_by("pk").first()
    )
    enrollment_create(learner=learner, course=course)
    step_complete(learner=learner, course=course, step=lessons_of(course)[0])
    return course, quiz


@pytest.fixture
def can_log_in_over_http(learner, settings):
    """The app server knows production's password hashers, not the tests' fast one."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    learner.set_password(PASSWORD)
    learner.save(update_fields=["password"])
    return learner


def log_in(browser, learner):
    response = browser.post(
        "/en/accounts/login/", {"username": learner.email, "password": PASSWORD}
    )
    assert response.status == 302, response.text[:500]
    return response


def right_answer(learner):
    snapshot = AttemptAnswer.objects.get(attempt__learner=learner).snapshot
    return next(choice["id"] for choice in snapshot["choices"] if choice["correct"])


def test_with_redis_down_learners_keep_working_and_the_certificate_comes_after(
    stack, own_redis, learner, can_log_in_over_http, course_with_final_quiz
):
    course, quiz = course_with_final_quiz
    lesson = lessons_of(course)[0]
    visitor, amra = stack.browser(), stack.browser()
    assert visitor.get("/en/").status == 200  # cached while Redis is up

    own_redis.stop()

    assert visitor.get("/en/").status == 200
    assert visitor.get("/verify/").status == 200
    log_in(amra, learner)
    lesson_page = amra.get(lesson.url)
    assert lesson_page.status == 200 and lesson.title in lesson_page.text
    start = amra.post(quiz.url + "attempts/start/", {}, form_page=quiz.url)
    assert start.status == 302, start.text[:500]
    attempt_path = start.location.replace(stack.base, "")
    submitted = amra.post(attempt_path, {"q1": right_answer(learner), "submit": ""})
    assert submitted.status == 302, submitted.text[:500]
    assert amra.get(submitted.location.replace(stack.base, "")).status == 200
    health = amra.get("/health/")
    assert health.status == 200
    assert json.loads(health.text)["status"] == "degraded"
    assert set(json.loads(health.text)["failing"]) == {"cache", "broker"}
    # The course is complete; its certificate waits for the broker, in the database.
    assert Enrollment.objects.get(learner=learner).status == Enrollment.Status.COMPLETED
    assert OutboxTask.objects.filter(task="certificates.tasks.issue_on_completion").exists()
    assert not Certificate.objects.filter(learner=learner).exists()

    own_redis.start()
    relay = os.environ | {
        "DJANGO_SETTINGS_MODULE": "academy.settings.base",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": own_redis.url(1),
        "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
    }
    run_relay(relay)

    wait_until(
        lambda: Certificate.objects.filter(learner=learner, status="valid").exists(),
        timeout=60,
        what="the certificate queued during the outage",
    )
    run_relay(relay)  # a second relay finds nothing left to send
    wait_until(lambda: not OutboxTask.objects.exists(), timeout=30, what="an empty outbox")
    assert Certificate.objects.filter(learner=learner).count() == 1
    assert amra.get(lesson.url).status == 200  # still logged in, Redis back


def run_relay(env):
    """`manage.py relay_outbox`, as an operator (or Celery beat, every minute) would."""
    subprocess.run(
        [sys.executable, "manage.py", "relay_outbox", "--all"],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=60,
    )


def test_with_the_database_unreachable_every_page_is_a_clean_503(own_redis):
    unreachable = database_url(HOST="127.0.0.1", PORT=free_port())
    with AppServer(DATABASE_URL=unreachable, REDIS_URL=own_redis.url(0)) as app_server:
        browser = app_server.browser()
        pages = {path: browser.get(path) for path in ("/en/", "/bs/", "/en/courses/")}
        health = browser.get("/health/")

    for path, page in pages.items():
        assert page.status == 503, path
        assert page.headers["Retry-After"] == "30"
        assert "Traceback" not in page.text
    assert "briefly unavailable" in pages["/en/"].text
    assert 'lang="bs"' in pages["/bs/"].text
    assert health.status == 503
    assert json.loads(health.text)["failing"] == ["database"]


def test_a_logout_while_redis_stalls_is_not_undone_when_it_answers_again(
    own_redis, settings, learner, monkeypatch
):
    # Redis stalls (a partition: it keeps its data, it answers nothing) while a learner logs
    # out; when it answers again it still holds the session's copy, which must not log the old
    # cookie back in.
    monkeypatch.setattr("academy.core.cache.RETRY_SECONDS", 0.5)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.CACHES = {
        "default": {
            "BACKEND": "academy.core.cache.ResilientCache",
            "LOCATION": own_redis.url(2),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    amra = Client()
    amra.force_login(learner)
    assert amra.get("/en/my-learning/").status_code == 200  # the session's copy is in Redis
    old_cookie = amra.cookies[settings.SESSION_COOKIE_NAME].value

    own_redis.pause()
    try:
        assert amra.post("/en/accounts/logout/").status_code == 302
    finally:
        own_redis.resume()
    time.sleep(0.6)  # past RETRY_SECONDS: the cache is asked again
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old_cookie

    response = replay.get("/en/my-learning/")

    assert response.status_code == 302 and "/login/" in response.url
