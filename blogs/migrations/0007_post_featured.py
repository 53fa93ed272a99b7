from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("blogs", "0006_post_scheduled")]

    operations = [
        migrations.AddField(
            model_name="post",
            name="featured_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="featured"
            ),
        ),
    ]
