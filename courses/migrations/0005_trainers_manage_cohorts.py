"""Trainers may see and edit cohorts (the admin shows each trainer only their own)."""

from django.db import migrations

CODENAMES = ["view_cohort", "change_cohort", "view_enrollment"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    trainers = Group.objects.get(name="Trainers")
    for codename in CODENAMES:
        model = codename.split("_", 1)[1]
        content_type, _ = ContentType.objects.get_or_create(app_label="courses", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        trainers.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    trainers = Group.objects.get(name="Trainers")
    trainers.permissions.remove(*trainers.permissions.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_cohorts"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
