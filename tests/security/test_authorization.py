"""Authorization: a learner reaches only their own data, a trainer only their own courses, and
learners never reach the Wagtail admin. Attempts, PDFs and certificate actions are tested with
their features; tests/security/test_catalogue.py lists where each attack is tested."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision

from academy.accounts.models import User
from certificates.models import Certificate
from courses.models import ModulePage
from courses.services import enrollment_create, step_complete
from tests.factories import add_quiz, assign_trainer, lessons_of, make_course, single_choice

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's refusal: 403, or (how Wagtail 8 answers a PermissionDenied in the admin) a
    redirect to the admin home with "Sorry, you do not have permission to access this area."
    for staff, and to the admin login for people without admin access."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url.split("?")[0] in (
        "/admin/",
        reverse("wagtailadmin_login"),
    )


# Learner A and learner B


def test_a_learner_sees_only_their_own_progress(learner, other_learner, client):
    course = make_course(modules=1, lessons_per_module=2)
    for who in (learner, other_learner):
        enrollment_create(learner=who, course=course)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    client.force_login(other_learner)

    outline = client.get(course.url).content.decode()
    my_learning = client.get("/en/my-learning/").content.decode()

    # Amra finished both lessons; Milica, enrolled in the same course, has done nothing.
    for page in (outline, my_learning):
        assert "0% (0 of 2 steps)" in page
        assert "(2 of 2 steps)" not in page


# A trainer of course A and course B


@pytest.fixture
def courses():
    """Course A with its trainer, and course B with another trainer."""
    course_a = make_course(modules=1, lessons_per_module=1, title="Course A", slug="course-a")
    course_b = make_course(modules=1, lessons_per_module=1, title="Course B", slug="course-b")
    add_quiz(ModulePage.objects.child_of(course_b).get(), questions=[single_choice()])
    trainer_a = assign_trainer(course_a)
    assign_trainer(course_b)
    return trainer_a, course_a, course_b


def pages_of(course):
    return [course.specific, *(page.specific for page in course.get_descendants())]


def test_a_trainer_edits_their_own_course(client, courses):
    trainer_a, course_a, _course_b = courses
    client.force_login(trainer_a)

    for page in pages_of(course_a):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_a_trainer_cannot_open_the_editor_of_another_course(client, courses):
    trainer_a, _course_a, course_b = courses
    client.force_login(trainer_a)

    for page in pages_of(course_b):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), follow=True)
        assert response.redirect_chain == [("/admin/", 302)], page
        assert "Sorry, you do not have permission" in response.content.decode()
        assert page.title not in response.content.decode()


def test_a_trainer_cannot_save_publish_or_unpublish_another_course(client, courses):
    trainer_a, _course_a, course_b = courses
    client.force_login(trainer_a)
    revisions = Revision.objects.count()

    for page in pages_of(course_b):
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = {"title": "Taken over", "slug": page.slug, "action-publish": "publish"}
        assert refused(client.post(edit, data)), page
        unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
        assert refused(client.post(unpublish)), page
        delete = reverse("wagtailadmin_pages:delete", args=[page.pk])
        assert refused(client.post(delete)), page

    assert Revision.objects.count() == revisions
    assert not Page.objects.filter(title="Taken over").exists()
    assert all(page.live for page in Page.objects.descendant_of(course_b, inclusive=True))


def test_a_trainer_cannot_preview_another_course(client, courses):
    trainer_a, _course_a, course_b = courses
    client.force_login(trainer_a)

    for page in pages_of(course_b):
        preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        assert refused(client.post(preview, {"title": page.title, "slug": page.slug})), page
        assert refused(client.get(preview)), page


def test_a_trainer_cannot_add_pages_to_another_course(client, courses):
    trainer_a, _course_a, course_b = courses
    module_b = ModulePage.objects.child_of(course_b).get()
    client.force_login(trainer_a)

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module_b.pk])
    )

    assert refused(response)


def test_a_trainer_cannot_issue_or_revoke_certificates(client, courses, learner):
    trainer_a, course_a, _course_b = courses
    client.force_login(trainer_a)

    issue = client.post(
        reverse("certificates_issue"), {"learner": learner.pk, "course": course_a.pk}
    )
    bulk = client.post(reverse("certificates_bulk_issue"), {"course": course_a.pk})

    assert refused(issue)
    assert refused(bulk)
    assert not Certificate.objects.exists()


# Users and groups


def user_and_group_urls(victim):
    trainers = Group.objects.get(name="Trainers")
    return [
        (reverse("wagtailusers_users:index"), None),
        (reverse("wagtailusers_users:add"), {"email": "mine@lap.example", "full_name": "Mine"}),
        (reverse("wagtailusers_users:edit", args=[victim.pk]), {"is_superuser": "on"}),
        (reverse("wagtailusers_users:delete", args=[victim.pk]), {}),
        (reverse("wagtailusers_groups:index"), None),
        (reverse("wagtailusers_groups:add"), {"name": "Mine"}),
        (reverse("wagtailusers_groups:edit", args=[trainers.pk]), {"name": "Trainers"}),
    ]


def test_a_trainer_cannot_manage_users_or_groups_not_even_their_own_account(client, courses):
    trainer_a, _course_a, _course_b = courses
    client.force_login(trainer_a)
    permissions = Permission.objects.filter(group__name="Trainers").count()

    for victim in (trainer_a, User.objects.exclude(pk=trainer_a.pk).first()):
        for url, data in user_and_group_urls(victim):
            assert refused(client.get(url)), url
            if data is not None:
                assert refused(client.post(url, data)), url

    trainer_a.refresh_from_db()
    assert not trainer_a.is_superuser
    assert User.objects.filter(email="mine@lap.example").count() == 0
    assert not Group.objects.filter(name="Mine").exists()
    assert Permission.objects.filter(group__name="Trainers").count() == permissions


# Learners and the Wagtail admin


def admin_urls(course):
    lesson = lessons_of(course)[0]
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[course.pk]),
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("certificates_admin:index"),
        reverse("certificates_issue"),
        "/admin/cohorts/",
        "/admin/grading/",
    ]


@pytest.mark.parametrize("who", ["learner", "visitor"])
def test_learners_and_visitors_never_reach_the_admin(client, learner, who):
    course = make_course(modules=1, lessons_per_module=1)
    enrollment_create(learner=learner, course=course)
    if who == "learner":
        client.force_login(learner)
    log_entries = PageLogEntry.objects.count()

    for url in admin_urls(course):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith(reverse("wagtailadmin_login")), url

    assert PageLogEntry.objects.count() == log_entries
