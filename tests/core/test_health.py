"""GET /health/: what a load balancer asks before sending an app server traffic."""

import socket

import pytest

pytestmark = pytest.mark.django_db


def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthy_server_answers_200_with_each_check(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert body["failing"] == []
    assert "no-cache" in response["Cache-Control"]


def test_without_a_broker_tasks_run_in_process_and_that_is_healthy(client, settings):
    settings.CELERY_BROKER_URL = ""

    assert client.get("/health/").json()["checks"]["broker"] == "not used"


def test_unreachable_broker_is_degraded_not_down_and_named(client, settings):
    # Tasks wait in the outbox meanwhile: the server still serves, so it stays in the pool.
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port()}/0"

    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "ok", "broker": "failing"},
        "failing": ["broker"],
    }


def test_health_needs_no_login_and_no_language_prefix(client, learner):
    assert client.get("/health/").status_code == 200
    client.force_login(learner)
    body = client.get("/health/").content.decode()
    assert learner.email not in body
    assert learner.full_name not in body


def test_unreachable_cache_is_degraded_not_down_even_with_the_page_cache_on(client, settings):
    settings.PAGE_CACHE_SECONDS = 300  # the page cache must not turn the outage into a 500
    settings.CACHES = {
        "default": {
            "BACKEND": "academy.core.cache.ResilientCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["failing"] == ["cache"]
