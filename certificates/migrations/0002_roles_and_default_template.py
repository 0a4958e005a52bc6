"""Certificate administrators manage certificates, templates and rules; a default template
(Council of Europe and LDA Mostar as issuers) is ready to use."""

import uuid

from django.db import migrations

PERMISSIONS = {
    "certificate": ["add", "change", "view"],
    "certificatetemplate": ["add", "change", "view"],
    "coursecertificaterule": ["add", "change", "view"],
    "bulkissuejob": ["add", "view"],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Locale = apps.get_model("wagtailcore.Locale")
    CertificateTemplate = apps.get_model("certificates.CertificateTemplate")
    CertificateIssuer = apps.get_model("certificates.CertificateIssuer")
    CertificateSignatory = apps.get_model("certificates.CertificateSignatory")

    admins = Group.objects.get(name="Certificate administrators")
    for model, actions in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="certificates", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            admins.permissions.add(permission)

    if not CertificateTemplate.objects.exists():
        template = CertificateTemplate.objects.create(
            translation_key=uuid.uuid4(),
            locale=Locale.objects.get(language_code="en"),
            title="Certificate of Completion",
        )
        for order, name in enumerate(["Council of Europe", "Local Democracy Agency Mostar"]):
            CertificateIssuer.objects.create(template=template, sort_order=order, name=name)
        CertificateSignatory.objects.create(
            template=template, sort_order=0, name="Programme Director", title="LAP Academy"
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    admins = Group.objects.get(name="Certificate administrators")
    admins.permissions.remove(*admins.permissions.filter(content_type__app_label="certificates"))


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_roles"),
        ("home", "0002_site_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
