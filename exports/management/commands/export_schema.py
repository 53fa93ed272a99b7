"""`manage.py export_schema`: writes exports/schema/<kind>.json from the models (commit them)."""

from typing import Any

from django.core.management.base import BaseCommand

from exports.schema import FOLDER, write_schemas


class Command(BaseCommand):
    help = "Writes the export format's JSON Schema files (exports/schema/) from the models."

    def handle(self, *args: Any, **options: Any) -> None:
        written = write_schemas()
        self.stdout.write(f"Wrote {len(written)} schema files to {FOLDER}.")
