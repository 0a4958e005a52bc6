"""The "Reviewers" group: the national ELoGE platform's experts. They use the Wagtail admin and
see assessments; which ones is each cycle's list of reviewers (assessments.permissions)."""

from django.db import migrations

REVIEWERS = "Reviewers"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def create_reviewers(apps, schema_editor):
    group, _ = apps.get_model("auth.Group").objects.get_or_create(name=REVIEWERS)
    group.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin"),
        permission(apps, "assessments", "assessment", "view_assessment"),
    )


def remove_reviewers(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_reviewers, remove_reviewers)]
