"""`manage.py backup [PATH]`: the database and the uploaded media in one archive.

anjuman/backup.py says what an archive holds; docs/deploy.md ("Backups") how to schedule it.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat, pluralize

from anjuman import backup


class Command(BaseCommand):
    help = (
        "Writes the database and the uploaded media (MEDIA_ROOT) to one .tar.gz archive. "
        "Safe while the server runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="The archive to write (NAME.tar.gz), or a folder for a dated "
            "anjuman-YYYYMMDD-HHMMSS.tar.gz in it. Default: DATA_DIR/backups/.",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            metavar="N",
            help="Then remove all but the N newest dated archives in that folder (0: keep all).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        destination: Path = options["path"] or backup.default_directory()
        if options["keep"] < 0:
            raise CommandError("--keep takes a number of archives, 0 or more.")
        try:
            written, manifest = backup.create_backup(destination)
        except backup.BackupError as error:
            raise CommandError(f"No backup was written: {error}") from error
        counts = manifest.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {backup.ENGINE_NAMES[manifest.engine]} database ("
                f"{counts.get('members.member', 0)} members, {counts.get('blogs.post', 0)} "
                f"posts, {counts.get('comments.comment', 0)} comments) to {written} "
                f"({filesizeformat(written.stat().st_size)})."
            )
        )
        if manifest.media_included:
            files, size = manifest.media_files, filesizeformat(manifest.media_bytes)
            self.stdout.write(f"Media: {files} file{pluralize(files)} ({size}).")
        else:
            self.stdout.write(self.style.WARNING(manifest.media_note))
        if options["keep"]:
            for removed in backup.prune(written.parent, options["keep"]):
                self.stdout.write(f"Removed the older backup {removed}")
