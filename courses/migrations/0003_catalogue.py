"""Create the course catalogue under the home page and let Trainers add, edit and publish pages in it."""

import uuid

from django.db import migrations

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def create_catalogue(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    HomePage = apps.get_model("home.HomePage")
    CourseIndexPage = apps.get_model("courses.CourseIndexPage")

    home = HomePage.objects.order_by("path").first()
    if home is None or CourseIndexPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="courseindexpage"
    )
    catalogue = CourseIndexPage.objects.create(
        title="Courses",
        draft_title="Courses",
        slug="courses",
        content_type=content_type,
        path=home.path + "0001",
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "courses/",
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        intro="<p>LAP modules and good-governance lessons for local leaders.</p>",
    )
    HomePage.objects.filter(pk=home.pk).update(numchild=1)

    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    trainers = Group.objects.get(name="Trainers")
    for codename in TRAINER_PAGE_PERMISSIONS:
        perm, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename}
        )
        GroupPagePermission.objects.get_or_create(group=trainers, page=catalogue, permission=perm)


def remove_catalogue(apps, schema_editor):
    apps.get_model("courses.CourseIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_initial"),
        ("home", "0002_site_and_locales"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_catalogue, remove_catalogue)]
