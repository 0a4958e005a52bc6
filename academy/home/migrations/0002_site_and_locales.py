"""Replace Wagtail's placeholder page with the HomePage, point the default site at it, and create
the content locales (bs, hr, sr, sr-latn) beside the default English one."""

import uuid

from django.db import migrations

CONTENT_LANGUAGES = ["en", "bs", "hr", "sr", "sr-latn"]


def create_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    for code in CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    english = Locale.objects.get(language_code="en")

    if HomePage.objects.exists():
        return
    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2, slug="home"
    ).delete()
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    home = HomePage.objects.create(
        title="LAP Academy",
        draft_title="LAP Academy",
        seo_title="LAP Academy",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=english,
        translation_key=uuid.uuid4(),
        live=True,
        lead="Online learning for the Leadership Academy Programme for local self-governments.",
        intro=(
            "<p>Short lessons between workshops, quizzes that show what you have learned, "
            "and certificates anyone can verify - built around the Council of Europe's "
            "12 Principles of Good Democratic Governance.</p>"
        ),
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="LAP Academy"
    )


def remove_home(apps, schema_editor):
    apps.get_model("home.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home, remove_home)]
