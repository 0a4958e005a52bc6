"""Trainers edit only the courses they train: each course has its own group holding Wagtail
page permissions on the course's subtree, and its members are the course's trainers."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def course_group_name(course) -> str:
    return f"Trainers of course {course.pk}"


@transaction.atomic
def course_trainer_permissions_sync(*, course) -> Group:
    """Make the course's trainer group match `course.trainers` (idempotent)."""
    group, _created = Group.objects.get_or_create(name=course_group_name(course))
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRAINER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=course, permission=permission)
    group.user_set.set(course.trainers.all())
    return group
