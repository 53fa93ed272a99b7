"""Existing posts' HTML again through the renderer: every block takes dir="auto" (issue 12)."""

from django.db import migrations

from lib.markup import rerender_stored


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    rerender_stored(apps.get_model("blogs", "Post"), "body", "body_html")


class Migration(migrations.Migration):
    dependencies = [("blogs", "0010_alter_post_status")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
