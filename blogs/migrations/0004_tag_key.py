"""Tags are one tag up to case, spacing and Unicode normalisation: their `key`."""

import re
import unicodedata

from django.db import migrations, models


def _key(name: str) -> str:
    # lib.text.normalized_name as of this migration (kept here: migrations must not change).
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def fill_keys(apps, schema_editor):
    Tag = apps.get_model("blogs", "Tag")
    seen: set[str] = set()
    for tag in Tag.objects.order_by("pk"):
        key = _key(tag.name)
        # Before this, tags that slugified alike were already one tag; names that differ only
        # in case but slugified apart keep both tags, the later with a distinct key.
        while key in seen:
            key += "~"
        seen.add(key)
        tag.key = key
        tag.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [("blogs", "0003_post_hidden_source_dates")]

    operations = [
        migrations.AddField(
            model_name="tag",
            name="key",
            field=models.CharField(default="", editable=False, max_length=100),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tag",
            name="key",
            field=models.CharField(editable=False, max_length=100, unique=True),
        ),
    ]
