"""Work that runs on a clock, started by one scheduler per network.

Apps register periodic jobs in their AppConfig.ready(): `register("name", every, task)`, where
`task` is a `django.tasks` task without arguments. `manage.py scheduler` (started by `make run`;
a systemd unit in docs/deploy.md) wakes every TICK seconds and enqueues each job whose time has
come; the task workers run them, so a slow job never delays the clock and a failing one is
retried and logged like any task.

One scheduler at a time, on one machine or many: a scheduler works only while it holds the
lease, an entry in the shared cache taken with `add()` (atomic in Redis and in the file cache,
lib/filecache.py) and renewed on each tick. Start one on every machine if you like: the others
wait, and take over within LEASE_SECONDS when the holder stops or dies. When each job last
ran is kept in the cache too, so a restart does not run everything again.

A job runs at most once per period (it may run late, after downtime, but does not catch up on
the periods it missed): jobs do "what is due now" (publish the posts whose time has come, send
the digests not yet sent), not "one period's work".
"""

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.tasks import Task

logger = logging.getLogger("anjuman.scheduler")

TICK = 5.0
LEASE_SECONDS = 30
LEASE_KEY = "anjuman:scheduler:lease"


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    task: Task[[], Any]


_jobs: dict[str, Job] = {}


def register(name: str, every: timedelta, task: Task[[], Any]) -> None:
    _jobs[name] = Job(name, every, task)


def jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def _last_key(job: Job) -> str:
    return f"anjuman:scheduler:last:{job.name}"


def hold_lease(holder: str) -> bool:
    """Takes or renews the lease for `holder`; False while another scheduler holds it."""
    if cache.add(LEASE_KEY, holder, timeout=LEASE_SECONDS):
        return True
    if cache.get(LEASE_KEY) == holder:
        cache.touch(LEASE_KEY, timeout=LEASE_SECONDS)
        return True
    return False


def release_lease(holder: str) -> None:
    if cache.get(LEASE_KEY) == holder:
        cache.delete(LEASE_KEY)


def run_due(now: float | None = None) -> list[str]:
    """Enqueues every job whose period has passed since it last ran; returns their names."""
    now = time.time() if now is None else now
    started = []
    for job in jobs():
        last = cache.get(_last_key(job))
        if last is not None and now - float(last) < job.every.total_seconds():
            continue
        cache.set(_last_key(job), now, timeout=None)
        job.task.enqueue()
        started.append(job.name)
    return started


def run(*, once: bool = False, sleep: Callable[[float], None] = time.sleep) -> None:
    """The scheduler's loop (manage.py scheduler)."""
    holder = f"{socket.gethostname()}:{os.getpid()}"
    waiting = False
    try:
        while True:
            if hold_lease(holder):
                if waiting:
                    logger.info("scheduler %s took over", holder)
                    waiting = False
                for name in run_due():
                    logger.info("queued %s", name)
            elif not waiting:
                logger.info("another scheduler runs; %s waits", holder)
                waiting = True
            if once:
                return
            sleep(TICK)
    finally:
        release_lease(holder)
