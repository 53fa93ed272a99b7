"""Existing events' descriptions' HTML again through the renderer: every block takes dir="auto" (issue 12)."""

from django.db import migrations

from lib.markup import rerender_stored


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    rerender_stored(apps.get_model("events", "Event"), "description", "description_html")


class Migration(migrations.Migration):
    dependencies = [("events", "0003_pending_approval")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
