"""Builds a large synthetic network into an empty database, for the benchmark (bench/run.py).

The data comes from the apps: each app with a `benchdata.py` module exposes
`generate(ctx: Context) -> None`, and this command calls them in INSTALLED_APPS order with one
shared Context (lib/datagen.py: scale, random generator, progress display, what earlier apps
made). A new feature (forum, groups, events) adds its data by adding its own `benchdata.py`;
nothing here changes.
"""

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from lib import events
from lib.datagen import Context, Progress, app_modules
from members.models import Member
from network.models import Network

DEFAULT_SEED = 1962


def generators() -> list[tuple[str, Any]]:
    """(app label, generate function) for each app with a benchdata module, in app order."""
    return [(label, module.generate) for label, module in app_modules("benchdata")]


class Command(BaseCommand):
    help = (
        "Builds a large synthetic network (2,000 members, 20,000 posts, 200,000 comments at "
        "--scale 1) into an empty database, for the benchmark."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplies every count (10 → 20,000 members, 200,000 posts, …).",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--manifest",
            type=Path,
            help="Write a JSON file with what the benchmark needs (bench post, members, pages).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress display.")

    def handle(self, *args: Any, **options: Any) -> None:
        scale: float = options["scale"]
        if scale <= 0:
            raise CommandError("--scale must be greater than 0.")
        if Network.objects.exists() or Member.objects.exists():
            raise CommandError(
                "The database is not empty; generatedata fills only a freshly migrated one "
                "(use another DATABASE_URL, or delete the SQLite file and migrate)."
            )
        started = time.monotonic()
        # Seeded: the same network every time, apart from dates, which end at "now".
        ctx = Context(
            scale=scale,
            rng=random.Random(options["seed"]),  # noqa: S311
            now=timezone.now().replace(microsecond=0),
            progress=Progress(sys.stderr, enabled=not options["no_progress"]),
        )
        with events.muted():  # the generators write what events would, in bulk
            for label, generate in generators():
                self.stderr.write(f"Generating {label} data…")
                generate(ctx)
            for step in ctx.finishing:
                step()
        seconds = time.monotonic() - started
        ctx.manifest.update(
            scale=scale,
            seed=options["seed"],
            generated_at=ctx.now.isoformat(),
            seconds=round(seconds, 1),
            database=connection.vendor,
            site_url=settings.SITE_URL,
        )
        if options["manifest"]:
            options["manifest"].write_text(
                json.dumps(ctx.manifest, indent=2, ensure_ascii=False) + "\n"
            )
        counts = ctx.manifest.get("counts", {})
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated in {seconds:.1f}s: "
                + ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
            )
        )
        bench = ctx.manifest.get("bench_post")
        if bench:
            self.stdout.write(
                f"Bench post (pk {bench['pk']}, {bench['comments']} comments): "
                f"{settings.SITE_URL}{bench['path']}"
            )
