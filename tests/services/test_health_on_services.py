"""/health/ against the real PostgreSQL and Redis broker of the services suite."""

import pytest

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_health_is_ok_with_postgresql_and_a_reachable_broker(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "broker": "ok"}
