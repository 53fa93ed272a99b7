"""Builds a large synthetic network into an empty database, for the benchmark (bench/run.py).

The data comes from the apps: each app with a `benchdata.py` module exposes
`generate(ctx: Context) -> None`, and this command calls them in INSTALLED_APPS order with one
shared Context (scale, random generator, progress display, what earlier apps made). A new
feature (forum, groups, events) adds its data by adding its own `benchdata.py`; nothing here
changes.
"""

import datetime as dt
import importlib
import itertools
import json
import random
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from members.models import Member
from network.models import Network

DEFAULT_SEED = 1962
# Every generated account signs in with this (the harness makes sessions directly instead).
PASSWORD = "bench-password-123"  # noqa: S105
EMAIL_DOMAIN = "bench.anjuman.test"
# The network's history: posts and comments are spread over this many days before now.
SPAN_DAYS = 5 * 365
# Rows written per transaction.
BATCH_SIZE = 5000


@dataclass(frozen=True)
class Made:
    """One generated row as later generators need it: its id, its date and who owns it."""

    pk: int
    at: dt.datetime
    owner: int | None = None


class Progress:
    """A text bar on a terminal, a line every 10% otherwise (logs, CI)."""

    def __init__(self, stream: TextIO, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self.label = ""
        self.total = 0
        self.done = 0
        self.started = 0.0
        self.shown = -1.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, max(total, 1), 0
        self.started = time.monotonic()
        self.shown = -1.0
        self._show()

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._show()

    def finish(self) -> None:
        self.done = self.total
        self._show(final=True)

    def _show(self, *, final: bool = False) -> None:
        if not self.enabled:
            return
        fraction = min(self.done / self.total, 1.0)
        if self.tty:
            if not final and time.monotonic() - self.shown < 0.1:
                return
            self.shown = time.monotonic()
            bar = "#" * int(fraction * 30)
            line = f"\r{self.label:<14} [{bar:<30}] {fraction:4.0%} {self.done:>10,}/{self.total:,}"
        else:
            step = int(fraction * 10) / 10
            # The last line is finish()'s, with the time taken.
            if (step <= self.shown or step >= 1) and not final:
                return
            self.shown = step
            line = f"{self.label:<14} {fraction:4.0%} {self.done:>10,}/{self.total:,}"
        if final:
            line += f"  {time.monotonic() - self.started:.1f}s\n"
        elif not self.tty:
            line += "\n"
        self.stream.write(line)
        self.stream.flush()


@dataclass
class Context:
    """What the apps' generators share."""

    scale: float
    rng: random.Random
    now: dt.datetime
    progress: Progress
    batch_size: int = BATCH_SIZE
    # Rows made so far, by kind ("members", "contributors", "posts", …), oldest first.
    made: dict[str, list[Made]] = field(default_factory=dict)
    # Facts the benchmark harness reads (bench post, member handles, deep page, …).
    manifest: dict[str, Any] = field(default_factory=dict)
    # The creator's password hash, reused for every member: hashing is slow by design.
    password_hash: str = ""

    @property
    def start(self) -> dt.datetime:
        return self.now - dt.timedelta(days=SPAN_DAYS)

    def scaled(self, n: int, minimum: int = 1) -> int:
        return max(minimum, round(n * self.scale))

    def bulk_create[M: models.Model](
        self, label: str, model: type[M], objs: Iterable[M], *, total: int
    ) -> list[int]:
        """Inserts `objs` in batches, one transaction each; returns their ids in order.

        `objs` may be a generator, so that a large table never sits in memory whole.
        """
        ids: list[int] = []
        self.progress.start(label, total)
        with _dates_as_given(model):
            for batch in itertools.batched(objs, self.batch_size):
                with transaction.atomic():
                    created = model._default_manager.bulk_create(batch)
                ids.extend(obj.pk for obj in created)
                self.progress.advance(len(batch))
        self.progress.finish()
        return ids


@contextmanager
def _dates_as_given(model: type[models.Model]) -> Iterator[None]:
    # bulk_create stamps auto_now/auto_now_add fields with the current time; generated rows
    # carry dates spread over years, so the stamping is switched off while they are written.
    fields = [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def generators() -> list[tuple[str, Any]]:
    """(app label, generate function) for each app with a benchdata module, in app order."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "benchdata"):
            module = importlib.import_module(f"{config.name}.benchdata")
            found.append((config.label, module.generate))
    return found


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
        for label, generate in generators():
            self.stderr.write(f"Generating {label} data…")
            generate(ctx)
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
