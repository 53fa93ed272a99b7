"""What the apps' data generators share, whatever the app: the demo and the benchmark network.

Each app may hold two modules that the project's commands (anjuman/management/commands) call,
in INSTALLED_APPS order, with one shared context:

- `demodata.py` with `load(ctx: DemoContext) -> None`: its part of the small, hand-written demo
  network (`manage.py loaddemo`);
- `benchdata.py` with `generate(ctx: Context) -> None`: its part of the large synthetic network
  of the benchmark (`manage.py generatedata`).

A new feature (forum, groups, events) adds its content by adding these modules; no command
changes. An app reads what the apps before it made from the context and adds what it makes.
"""

import datetime as dt
import importlib
import itertools
import random
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, TextIO

from django.apps import apps
from django.db import models, transaction
from django.utils.module_loading import module_has_submodule

# Every generated account of the benchmark signs in with this (the harness makes sessions
# directly instead).
PASSWORD = "bench-password-123"  # noqa: S105
EMAIL_DOMAIN = "bench.anjuman.test"
# The benchmark network's history: posts and comments are spread over this many days before now.
SPAN_DAYS = 5 * 365
# Rows written per transaction.
BATCH_SIZE = 5000


def app_modules(name: str) -> list[tuple[str, ModuleType]]:
    """(app label, module) for each installed app that has a module `name`, in app order."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, name):
            found.append((config.label, importlib.import_module(f"{config.name}.{name}")))
    return found


# --- The demo network (demodata.py) --------------------------------------------------------------


@dataclass
class DemoContext:
    """What the apps' demo loaders share: `load(ctx)` reads what earlier apps made, adds its own.

    The demo is seeded: every loader draws its random choices from `rng` and nowhere else, so
    the same text makes the same network every time (apart from dates, which end at `now`).
    """

    rng: random.Random
    now: dt.datetime
    # When the network was started; nothing in the demo is older.
    start: dt.datetime
    # Rows made so far, by kind and then by their key in the demo text:
    # made["members"]["ayesha"] is a Member, made["posts"][title] a Post.
    made: dict[str, dict[str, Any]] = field(default_factory=dict)
    # How many of each kind were made ("members", "posts", …), for the command's summary.
    counts: dict[str, int] = field(default_factory=dict)
    # Each member's (by pk) first post, comment or other activity: their "joined" date is made
    # to come before it.
    first_seen: dict[int, dt.datetime] = field(default_factory=dict)
    # Steps that need what later apps make (a member's join date needs their first post), run
    # once every app has loaded, in the order they were added.
    finishing: list[Callable[[], None]] = field(default_factory=list)

    def saw(self, member_pk: int, when: dt.datetime) -> None:
        """Records that a member was active at `when`."""
        if member_pk not in self.first_seen or when < self.first_seen[member_pk]:
            self.first_seen[member_pk] = when

    def count(self, kind: str, n: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n

    def later(self, step: Callable[[], None]) -> None:
        """Runs `step` after every app's `load`."""
        self.finishing.append(step)

    def finish(self) -> None:
        for step in self.finishing:
            step()
        self.finishing.clear()


# --- The benchmark network (benchdata.py) --------------------------------------------------------


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
    """What the apps' benchmark generators share."""

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
    # Steps to run once every app has generated (likes need the posts of a later app).
    finishing: list[Callable[[], None]] = field(default_factory=list)

    def later(self, step: Callable[[], None]) -> None:
        self.finishing.append(step)

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
