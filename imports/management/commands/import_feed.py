"""manage.py import_feed URL_OR_FILE --member HANDLE: a blog's RSS or Atom feed into a
member's blog (imports/feeds.py)."""

import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.feeds import MAX_PAGES, FeedProblem, run_feed_import
from lib.datagen import Progress
from members.models import Member


class Command(BaseCommand):
    help = (
        "Imports a blog's RSS 2.0 or Atom feed (a file, or an http(s) address fetched through "
        "the guarded fetcher) into a member's blog: titles, sanitised text, dates, tags, "
        "pictures copied here, the original address as a related link. Run again, it skips "
        "what it brought before."
    )

    stderr_stream: TextIO = sys.stderr

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("feed", help="The feed's address (http/https) or a file.")
        parser.add_argument(
            "--member", required=True, help="The profile address (handle) of the blog's member."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, write nothing."
        )
        parser.add_argument(
            "--max-pages",
            type=int,
            default=MAX_PAGES,
            help=f"Pages of a paged feed to follow (Atom rel=next, WordPress ?paged=); "
            f"default {MAX_PAGES}.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        handle = str(options["member"]).strip().lstrip("@")
        member = Member.objects.local().filter(handle=handle).first()
        if member is None:
            raise CommandError(f"No member has the profile address “{handle}”.")
        if member.is_former:
            raise CommandError(f"“{handle}” has left the network: their blog takes no posts.")
        if options["max_pages"] < 1:
            raise CommandError("--max-pages must be 1 or more.")
        progress = Progress(self.stderr_stream, enabled=not options["quiet"])
        try:
            report, job = run_feed_import(
                options["feed"],
                member,
                dry_run=options["dry_run"],
                max_pages=options["max_pages"],
                progress=progress,
            )
        except FeedProblem as problem:
            raise CommandError(str(problem)) from problem
        pages = f"{job.pages_read} page{'s' if job.pages_read != 1 else ''}"
        self.stdout.write(f"Feed “{job.title}” ({pages}) into {member.display_name}'s blog.")
        self.stdout.write(f"Remembered as {job.source}: run again, it skips what it brought.")
        for line in report.lines():
            self.stdout.write(line)
