"""manage.py invite_imported: "choose your password" emails for imported members."""

import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandParser

from imports.invitations import invite, waiting
from lib.datagen import Progress


class Command(BaseCommand):
    help = (
        "Emails each imported member (active, with an email and no password yet) a link to "
        "choose their password, once each, in batches through the email queue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, help="At most this many now (the rest later).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be invited."
        )
        parser.add_argument(
            "--again",
            action="store_true",
            help="Invite again who was invited and still has no password (the link expired).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    stderr_stream: TextIO = sys.stderr

    def handle(self, *args: Any, **options: Any) -> None:
        again = options["again"]
        count = waiting(again=again).count()
        if options["dry_run"]:
            self.stdout.write(f"{count} imported members would be invited.")
            return
        limit = options["limit"]
        if limit is not None and limit < 1:
            self.stdout.write("Nothing to do: --limit must be at least 1.")
            return
        progress = Progress(self.stderr_stream, enabled=not options["quiet"])
        sent = invite(limit=limit, again=again, progress=progress)
        left = waiting().count()
        self.stdout.write(
            self.style.SUCCESS(f"{sent} invitations queued; {left} imported members still waiting.")
        )
