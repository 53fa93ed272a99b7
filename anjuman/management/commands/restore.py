"""`manage.py restore PATH`: puts a backup made by `manage.py backup` back in place.

The archive is read and checked whole before anything changes (anjuman/backup.py).
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import pluralize

from anjuman import backup


class Command(BaseCommand):
    help = (
        "Replaces the database and the uploaded media with those of a backup archive, then "
        "applies newer migrations and clears the cached pages. Stop the web server and the "
        "workers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The archive written by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds a network (its content is lost).",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            with backup.staging_area() as staging:
                staged = backup.read_backup(path, staging)
                manifest = staged.manifest
                if backup.database_has_content() and not options["force"]:
                    raise CommandError(
                        "The database is not empty: restoring replaces everything in it. "
                        "Run again with --force to replace it (take a backup of it first)."
                    )
                self.describe(path, manifest)
                if options["interactive"] and not self.confirmed():
                    raise CommandError("Restore cancelled: nothing was changed.")
                result = backup.restore_backup(staged)
        except backup.BackupError as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest.created_at}."))
        if result.migrations_applied:
            self.stdout.write(
                f"The backup was from an older release: applied {result.migrations_applied} "
                "migrations."
            )
        if not result.media_restored:
            self.stdout.write(
                self.style.WARNING(
                    manifest.media_note
                    or backup.media_elsewhere_note()
                    + " The media files in the archive were not copied there."
                )
            )
        self.stdout.write("Cached pages were cleared. Start the web server and the workers again.")

    def describe(self, path: Path, manifest: backup.Manifest) -> None:
        counts = manifest.counts
        files = manifest.media_files
        media = f"{files} media file{pluralize(files)}" if manifest.media_included else "no media"
        self.stdout.write(
            f"{path}: a {backup.ENGINE_NAMES[manifest.engine]} backup of {manifest.created_at} "
            f"with {counts.get('members.member', 0)} members, {counts.get('blogs.post', 0)} "
            f"posts, {counts.get('comments.comment', 0)} comments and {media}."
        )
        root = backup.media_root()
        self.stdout.write(
            "Restoring replaces everything in the database"
            + (f" and in {root}." if root is not None and manifest.media_included else ".")
        )

    def confirmed(self) -> bool:
        answer = input("Type 'yes' to restore, anything else to cancel: ")
        return answer.strip().lower() == "yes"
