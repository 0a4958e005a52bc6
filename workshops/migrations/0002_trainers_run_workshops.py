"""Trainers plan the sessions of their cohorts, take attendance and set attendance rules (the
admin shows each of them their own cohorts only). Deleting a session is left to superusers:
its attendance is evidence."""

from django.db import migrations

CODENAMES = {
    "session": ["view_session", "add_session", "change_session"],
    "attendancerule": ["view_attendancerule", "add_attendancerule", "change_attendancerule"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    trainers = Group.objects.get(name="Trainers")
    for model, codenames in CODENAMES.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="workshops", model=model)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename}
            )
            trainers.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    trainers = Group.objects.get(name="Trainers")
    codenames = [c for names in CODENAMES.values() for c in names]
    trainers.permissions.remove(
        *trainers.permissions.filter(content_type__app_label="workshops", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
