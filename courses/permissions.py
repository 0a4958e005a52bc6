"""Trainers edit only the courses they train: each course has its own group holding Wagtail
page permissions on the course's subtree, and its members are the course's trainers."""

from functools import reduce
from operator import or_

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import GroupPagePermission

from .models import CoursePage
from .translations import canonical_pk

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


def trains_course(user, course) -> bool:
    """Whether `user` may grade and follow the learners of `course` (in any language): its
    trainers and superusers."""
    if user.is_superuser:
        return True
    if course is None or not user.is_authenticated:
        return False
    return CoursePage.objects.filter(pk=canonical_pk(course), trainers=user).exists()


def in_courses_trained_by(user, queryset, path_field):
    """`queryset` narrowed to rows whose page at `path_field` lies in a course `user` trains
    (a page is in a course when its tree path starts with the course's); all for superusers."""
    if user.is_superuser:
        return queryset
    paths = list(CoursePage.objects.filter(trainers=user).values_list("path", flat=True))
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, (Q(**{f"{path_field}__startswith": p}) for p in paths)))
