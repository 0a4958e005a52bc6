from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0005_bulk_issue_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="bulkissuejob",
            name="skipped_revoked",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
