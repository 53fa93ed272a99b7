"""manage.py reindex: the search index made again from every searchable row."""

import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lib.datagen import Progress
from search import registry
from search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuilds the search index from the content (after an import, a restore, or a change "
        "to what is searched), with a progress bar."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            choices=[kind.key for kind in registry.kinds()],
            help="Only this kind (may be given more than once); default: everything.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    stderr_stream: TextIO = sys.stderr

    def handle(self, *args: Any, **options: Any) -> None:
        keys: list[str] | None = options["kind"]
        kinds = None
        if keys:
            kinds = [k for k in registry.kinds() if k.key in keys]
            if not kinds:
                raise CommandError("No such kind.")
        # The bar on stderr, as generatedata's: stdout keeps the result alone.
        progress = Progress(self.stderr_stream, enabled=not options["quiet"])
        total = rebuild(kinds, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total:,} documents."))
