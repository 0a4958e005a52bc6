import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_bulk_issue_chunks"),
    ]

    operations = [
        migrations.AddField(
            model_name="bulkissuejob",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]
