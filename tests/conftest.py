import pytest
from django.core.cache import cache
from django.utils import translation

from courses.signals import course_completed
from tests.factories import PASSWORD, UserFactory, make_course


@pytest.fixture(autouse=True)
def fresh_start_afterwards():
    """A request under /sr/ leaves Serbian active in the thread (Django's LocaleMiddleware
    activates a language and never deactivates it), and rate-limit counts stay in the cache:
    every test starts in English with an empty cache."""
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def learner(db):
    return UserFactory(email="amra@lap.example", full_name="Amra Hodžić")


@pytest.fixture
def other_learner(db):
    return UserFactory(email="milica@lap.example", full_name="Милица Јовановић")


@pytest.fixture
def course(db):
    return make_course(modules=2, lessons_per_module=2)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def completions():
    """The enrollments `course_completed` was sent for, in order."""
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    course_completed.connect(receiver)
    yield received
    course_completed.disconnect(receiver)
