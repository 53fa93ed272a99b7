import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Wall",
            fields=[
                (
                    "member",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="wall",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("comment_count", models.PositiveIntegerField(default=0, editable=False)),
            ],
            options={
                "verbose_name": "comment wall",
                "verbose_name_plural": "comment walls",
            },
        ),
    ]
