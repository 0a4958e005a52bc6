"""The groups that carry people's roles: Learners, Trainers and Certificate administrators.

Trainers and certificate administrators may use the Wagtail admin; trainers may add and choose
images and documents for their lessons. Page permissions are granted on the course catalogue
(courses migration 0003). Learners never reach the admin.
"""

from django.db import migrations

GROUPS = ["Learners", "Trainers", "Certificate administrators"]
MEDIA_PERMISSIONS = {
    "wagtailimages.image": ["add_image", "change_image", "choose_image"],
    "wagtaildocs.document": ["add_document", "change_document", "choose_document"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups["Trainers"].permissions.add(access_admin)
    groups["Certificate administrators"].permissions.add(access_admin)

    root_collection = Collection.objects.filter(depth=1).first()
    for model_label, codenames in MEDIA_PERMISSIONS.items():
        app_label, model = model_label.split(".")
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=groups["Trainers"],
                collection=root_collection,
                permission=permission(apps, app_label, model, codename),
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
