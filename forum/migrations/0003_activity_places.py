"""Latest Activity's entries written before entries had a place (activity 0002): a group's
discussion, and each reply in it, happened in the group, and its activity page shows them.
One UPDATE, whatever the number of entries."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.db.models import OuterRef, Subquery


def place_group_discussions(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    entry = apps.get_model("activity", "Entry")
    discussion = apps.get_model("forum", "Discussion")
    discussion_type = content_type.objects.filter(app_label="forum", model="discussion").first()
    group_type = content_type.objects.filter(app_label="groups", model="group").first()
    if discussion_type is None or group_type is None:
        return  # nothing was ever written of them
    in_groups = discussion.objects.filter(group__isnull=False)
    group_of = in_groups.filter(pk=OuterRef("on_id")).values("group_id")[:1]
    entry.objects.filter(
        place_type=None, on_type=discussion_type, on_id__in=in_groups.values("pk")
    ).update(place_type=group_type, place_id=Subquery(group_of))


class Migration(migrations.Migration):
    dependencies = [
        ("activity", "0002_entry_place"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("forum", "0002_discussion_group"),
    ]

    operations = [migrations.RunPython(place_group_discussions, migrations.RunPython.noop)]
