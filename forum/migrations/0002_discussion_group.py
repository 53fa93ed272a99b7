# A group's own discussions: Discussion.group (and no category for them).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("forum", "0001_initial"),
        ("groups", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="discussion",
            name="category",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="discussions",
                to="forum.category",
                verbose_name="category",
            ),
        ),
        migrations.AddField(
            model_name="discussion",
            name="group",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="groups.group",
                verbose_name="group",
            ),
        ),
        migrations.AddIndex(
            model_name="discussion",
            index=models.Index(
                fields=["group", "hidden_at", "-pinned", "-last_activity_at", "-id"],
                name="discussion_group",
            ),
        ),
        migrations.AddConstraint(
            model_name="discussion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("category__isnull", False), ("group__isnull", True)),
                    models.Q(("category__isnull", True), ("group__isnull", False)),
                    _connector="OR",
                ),
                name="discussion_in_category_or_group",
            ),
        ),
    ]
