"""Existing discussions' HTML again through the renderer: every block takes dir="auto" (issue 12)."""

from django.db import migrations

from lib.markup import rerender_stored


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    rerender_stored(apps.get_model("forum", "Discussion"), "body", "body_html")


class Migration(migrations.Migration):
    dependencies = [("forum", "0004_pending_approval")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
