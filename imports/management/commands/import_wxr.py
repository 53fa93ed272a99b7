"""manage.py import_wxr FILE: a WordPress export into this network (imports/wxr.py)."""

import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.wxr import run_wxr_import
from imports.wxr_reader import WxrProblem
from lib.datagen import Progress
from network.models import Network


class Command(BaseCommand):
    help = (
        "Imports a WordPress export (Tools → Export, a WXR .xml file): authors as members "
        "(matched by email, else new without a password), posts, their approved comments, "
        "categories and tags, pages. Run again, it skips what it brought before. Nothing is "
        "fetched from the network unless --fetch-media."
    )

    stderr_stream: TextIO = sys.stderr

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The export's .xml file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, write nothing."
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Copy the pictures the posts show here (through the guarded fetcher); "
            "without it they keep pointing at the old site.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        if not Network.objects.exists():
            raise CommandError(
                "Create the network first (manage.py createnetwork, or the first-run page)."
            )
        progress = Progress(self.stderr_stream, enabled=not options["quiet"])
        try:
            report, outcome = run_wxr_import(
                path,
                dry_run=options["dry_run"],
                fetch_media=options["fetch_media"],
                progress=progress,
            )
        except WxrProblem as problem:
            raise CommandError(str(problem)) from problem
        self.stdout.write(f"WordPress site “{outcome.title}” ({outcome.address}).")
        self.stdout.write(f"Remembered as {outcome.source}: run again, it skips what it brought.")
        for line in report.lines():
            self.stdout.write(line)
