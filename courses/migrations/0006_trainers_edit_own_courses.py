"""Trainers no longer edit every course: site administrators create courses and name their
trainers, who get add, edit and publish rights on those courses only, through one group per
course (see courses/permissions.py). "Add" on the catalogue would reach every course's modules,
so the Trainers group keeps no page permission of its own."""

from django.db import migrations

PER_COURSE = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Permission = apps.get_model("auth.Permission")
    CoursePage = apps.get_model("courses.CoursePage")

    trainers = Group.objects.get(name="Trainers")
    GroupPagePermission.objects.filter(group=trainers).delete()
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PER_COURSE)
    )
    for course in CoursePage.objects.all():
        group, _ = Group.objects.get_or_create(name=f"Trainers of course {course.pk}")
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=course.pk, permission=permission
            )
        group.user_set.set(course.trainers.all())


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_trainers_manage_cohorts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
