"""`manage.py import_network FILE`: an export of a whole network into an empty install."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exports.kinds import FormatError
from exports.restore import NotEmpty, import_network


class Command(BaseCommand):
    help = (
        "Reads an archive written by export_network into an empty install (after `migrate`), "
        "ids kept; --dry-run only checks it (manifest, checksums, every record's schema)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The archive export_network wrote.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the archive and write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        say = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        try:
            result = import_network(Path(options["file"]), dry_run=options["dry_run"], say=say)
        except (FormatError, NotEmpty) as error:
            raise CommandError(f"Nothing was imported: {error}.") from error
        records = sum(result.counts.values())
        if result.dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    f"The archive of “{result.network}” is sound: {records} records, "
                    f"{result.media} media files. Nothing was written (--dry-run)."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{result.network}”: {records} records, {result.media} media files. "
                "The search index was rebuilt."
            )
        )
