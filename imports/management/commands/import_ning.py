"""manage.py import_ning FOLDER: a Ning Network Archiver folder into this network."""

import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.ning.importer import run_import
from lib.datagen import Progress
from network.models import Network


class Command(BaseCommand):
    help = (
        "Imports a Ning network's archive (the Network Archiver's folder of ning-*.json files "
        "and media): members, profiles and walls, blog posts, discussions, groups, events, "
        "photos, videos, music, pages and notes, with their comments and files, and the old "
        "Ning addresses of each (redirected once imports.middleware is on). Run again, it "
        "skips what it brought before. Nothing is fetched from the network."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="The archive's folder (holding ning-members.json…).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, write nothing."
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    stderr_stream: TextIO = sys.stderr

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        if not any(folder.glob("ning-*.json")):
            raise CommandError(f"{folder} holds no ning-*.json file: is it a Ning archive?")
        if not Network.objects.exists():
            raise CommandError(
                "Create the network first (manage.py createnetwork, or the first-run page), "
                "with the email the Ning owner used: the owner's archive then becomes theirs."
            )
        # The bars on stderr, as reindex's: stdout keeps the report alone.
        progress = Progress(self.stderr_stream, enabled=not options["quiet"])
        report = run_import(folder, dry_run=options["dry_run"], progress=progress)
        for line in report.lines():
            self.stdout.write(line)
