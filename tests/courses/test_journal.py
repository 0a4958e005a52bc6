"""The learner's journal: answers to the lessons' reflection prompts are saved, private unless
shared, listed in "My journal", and shown to the cohort's trainers only when shared."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.journal import ReflectionRefused, reflection_save
from courses.models import Cohort, Enrollment, Reflection
from courses.services import enrollment_create
from tests.factories import UserFactory, assign_trainer, lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course, learner):
    enrollment_create(learner=learner, course=course)
    return lessons_of(course)[0]


def prompt_id(lesson):
    return next(block.id for block in lesson.body if block.block_type == "reflection")


def reflect_url(lesson, block_id=None):
    return reverse("courses:reflect", args=[lesson.pk, block_id or prompt_id(lesson)])


def test_the_lesson_links_its_prompt_to_the_journal(learner_client, lesson):
    page = learner_client.get(lesson.url).content.decode()
    assert reflect_url(lesson) in page


def test_a_learner_writes_a_reflection_and_finds_it_in_my_journal(learner_client, learner, lesson):
    response = learner_client.post(reflect_url(lesson), {"text": "We would publish the budget."})
    assert response.status_code == 302 and response.url == lesson.url
    saved = Reflection.objects.get()
    assert (saved.learner, saved.prompt, saved.shared) == (
        learner,
        "What would you publish first?",
        False,
    )

    journal = learner_client.get(reverse("courses:journal")).content.decode()
    assert "We would publish the budget." in journal
    assert lesson.title in journal and "Private." in journal

    learner_client.post(
        reflect_url(lesson), {"text": "The budget, then the minutes.", "shared": "on"}
    )
    changed = Reflection.objects.get()  # changed, not added
    assert (changed.text, changed.shared) == ("The budget, then the minutes.", True)


def test_an_empty_reflection_is_refused_and_the_saved_one_kept(learner_client, learner, lesson):
    reflection_save(
        learner=learner, lesson=lesson, block_id=prompt_id(lesson), text="Kept.", shared=False
    )
    response = learner_client.post(reflect_url(lesson), {"text": "   "})
    assert response.status_code == 400
    assert "Write your reflection before saving it." in response.content.decode()
    assert Reflection.objects.get().text == "Kept."


def test_a_forged_prompt_id_is_not_found_and_refused(learner_client, learner, lesson):
    assert learner_client.get(reflect_url(lesson, "not-a-block")).status_code == 404
    assert learner_client.post(reflect_url(lesson, "not-a-block"), {"text": "x"}).status_code == 404
    with pytest.raises(ReflectionRefused):
        reflection_save(
            learner=learner, lesson=lesson, block_id="not-a-block", text="x", shared=False
        )
    assert not Reflection.objects.exists()


def test_a_learner_not_enrolled_cannot_keep_a_journal_of_the_course(client, lesson):
    stranger = UserFactory()
    client.force_login(stranger)
    response = client.post(reflect_url(lesson), {"text": "Sneaking in."})
    assert response.status_code == 400
    assert "Enroll in the course" in response.content.decode()
    assert not Reflection.objects.exists()


def test_no_one_else_reads_a_learners_journal(client, learner, lesson):
    reflection_save(
        learner=learner, lesson=lesson, block_id=prompt_id(lesson), text="Mine alone.", shared=False
    )
    client.force_login(UserFactory())
    assert "Mine alone." not in client.get(reverse("courses:journal")).content.decode()
    assert "Mine alone." not in client.get(reflect_url(lesson)).content.decode()


def test_the_cohorts_trainer_reads_shared_reflections_only(client, course, learner, lesson):
    cohort = Cohort.objects.create(course=course, name="Hercegovina")
    Enrollment.objects.filter(learner=learner).update(cohort=cohort)
    other = UserFactory()
    enrollment_create(learner=other, course=course)
    Enrollment.objects.filter(learner=other).update(cohort=cohort)
    block_id = prompt_id(lesson)
    reflection_save(
        learner=learner, lesson=lesson, block_id=block_id, text="Shared thought.", shared=True
    )
    reflection_save(
        learner=other, lesson=lesson, block_id=block_id, text="Private thought.", shared=False
    )
    client.force_login(assign_trainer(course))

    page = client.get(reverse("cohort_reflections", args=[cohort.pk])).content.decode()

    assert "Shared thought." in page and "Private thought." not in page


def test_my_journal_says_what_it_is_for_when_empty(learner_client):
    page = learner_client.get(reverse("courses:journal")).content.decode()
    assert "Nothing here yet." in page


def journal_queries(client):
    client.get(reverse("courses:journal"))  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("courses:journal"))
    return len(captured), response.content.decode().count('class="journal-entry"')


def reflect_on_new_courses(learner, courses, lessons_per_module):
    for _ in range(courses):
        course = make_course(modules=2, lessons_per_module=lessons_per_module)
        enrollment_create(learner=learner, course=course)
        for lesson in lessons_of(course):
            block_id = prompt_id(lesson)
            reflection_save(
                learner=learner, lesson=lesson, block_id=block_id, text="Yes.", shared=False
            )


def test_my_journal_costs_the_same_for_few_and_many_reflections(learner_client, learner):
    reflect_on_new_courses(learner, courses=1, lessons_per_module=1)
    few, shown = journal_queries(learner_client)
    assert shown == 2
    reflect_on_new_courses(learner, courses=3, lessons_per_module=4)
    many, shown = journal_queries(learner_client)
    assert shown == 26
    assert many == few <= 15
