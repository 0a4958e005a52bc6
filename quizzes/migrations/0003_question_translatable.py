"""Questions become translatable (wagtail-localize translates their prompts and choices). Existing
questions take their quiz's locale and a translation key each."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_locale_and_key(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    for question in Question.objects.select_related("quiz").only("pk", "quiz__locale_id"):
        Question.objects.filter(pk=question.pk).update(
            locale_id=question.quiz.locale_id, translation_key=uuid.uuid4()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_trainers_grade_answers"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="question",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="question",
            unique_together={("translation_key", "locale")},
        ),
    ]
