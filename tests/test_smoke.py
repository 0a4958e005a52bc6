import pytest

pytestmark = pytest.mark.django_db


def test_catalogue_lists_a_published_course(client, course):
    response = client.get("/en/courses/")
    assert response.status_code == 200
    assert course.title in response.content.decode()
