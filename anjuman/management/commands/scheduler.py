"""manage.py scheduler: queues the apps' periodic jobs when their time comes (lib/scheduler.py)."""

import contextlib
import signal
from typing import Any

from django.core.management.base import BaseCommand

from lib import scheduler


class Command(BaseCommand):
    help = "Queues the periodic jobs (digests, scheduled posts, …) when due. Run exactly one."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="one tick, then exit")

    def handle(self, *args: Any, **options: Any) -> None:
        def stop(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        names = ", ".join(job.name for job in scheduler.jobs()) or "none"
        self.stdout.write(f"Scheduler: jobs {names}; one tick every {scheduler.TICK:g} s")
        with contextlib.suppress(KeyboardInterrupt):  # SIGTERM or Ctrl-C: release the lease
            scheduler.run(once=options["once"])
