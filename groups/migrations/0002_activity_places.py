"""Latest Activity's entries written before entries had a place (activity 0002): those on a
group (its making, its members joining, its wall's comments) happened in it, and its activity
page shows them. Two UPDATEs, whatever the number of entries. (A group's discussions and their
replies are the forum's to place: forum 0003.)"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.db.models import F


def place_group_entries(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    entry = apps.get_model("activity", "Entry")
    group_type = content_type.objects.filter(app_label="groups", model="group").first()
    if group_type is None:
        return  # no group was ever written of
    unplaced = entry.objects.filter(place_type=None)
    unplaced.filter(on_type=group_type).update(place_type=group_type, place_id=F("on_id"))
    unplaced.filter(on_type=None, target_type=group_type).update(
        place_type=group_type, place_id=F("target_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activity", "0002_entry_place"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("groups", "0001_initial"),
    ]

    operations = [migrations.RunPython(place_group_entries, migrations.RunPython.noop)]
