from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_member_featured_directory"),
    ]

    operations = [
        migrations.AddField(
            model_name="member",
            name="left_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="left"),
        ),
    ]
