"""Existing groups' descriptions' HTML again through the renderer: every block takes dir="auto" (issue 12)."""

from django.db import migrations

from lib.markup import rerender_stored


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    rerender_stored(apps.get_model("groups", "Group"), "description", "description_html")


class Migration(migrations.Migration):
    dependencies = [("groups", "0002_activity_places")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
