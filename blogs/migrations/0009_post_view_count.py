from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blogs", "0008_post_featured_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="view_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
