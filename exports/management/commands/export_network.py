"""`manage.py export_network FILE`: the whole network in one archive (exports/archive.py)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exports.kinds import FormatError
from exports.services import export_network


class Command(BaseCommand):
    help = (
        "Writes the whole network — every record as JSON per kind, and every uploaded file — "
        "into one zip archive (docs/export.md); `import_network` reads it into an empty install."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The archive to write (a .zip file).")

    def handle(self, *args: Any, **options: Any) -> None:
        destination = Path(options["file"])
        if destination.is_dir():
            raise CommandError(f"{destination} is a folder: name the archive to write")
        shown = -1

        def progress(done: int, total: int) -> None:
            nonlocal shown
            percent = done * 100 // total if total else 100
            if percent // 10 != shown and options["verbosity"] > 1:
                shown = percent // 10
                self.stdout.write(f"{percent}% ({done} of {total})")

        try:
            manifest = export_network(destination, progress)
        except (FormatError, OSError) as error:
            raise CommandError(str(error)) from error
        records = sum(manifest.counts.values())
        files = sum(1 for f in manifest.files if f["path"].startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported “{manifest.network}” to {destination}: {records} records of "
                f"{len(manifest.counts)} kinds, {files} media files."
            )
        )
