"""Two real schedulers on one network (as `make run` and a second machine would start them):
one queues the jobs, once per period; the other waits."""

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from bench import faults

from .servers import BASE_DIR, PYTHON, production_env, stop

pytestmark = pytest.mark.processes


def count_queued(root: Path) -> int:
    with sqlite3.connect(root / "anjuman.sqlite3") as db:
        found = db.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE ?",
            ("%requeue_abandoned_emails",),
        ).fetchone()
    return int(found[0])


def test_two_schedulers_queue_each_job_once(tmp_path: Path) -> None:
    env = production_env(tmp_path, TASKS_BACKEND="database", CACHE_DIR=str(tmp_path / "cache"))
    faults.migrate(env)
    logs = [(tmp_path / f"scheduler-{i}.log").open("wb") for i in range(2)]
    procs = [
        subprocess.Popen(
            [PYTHON, "manage.py", "scheduler"], cwd=BASE_DIR, env=env, stdout=log, stderr=log
        )
        for log in logs
    ]
    try:
        deadline = time.monotonic() + 30
        queued = 0
        while time.monotonic() < deadline and not (queued := count_queued(tmp_path)):
            time.sleep(0.2)
        time.sleep(2 * 5)  # two more ticks of each scheduler
        queued = count_queued(tmp_path)
    finally:
        for proc in procs:
            stop(proc)
    output = [(tmp_path / f"scheduler-{i}.log").read_text() for i in range(2)]
    assert queued == 1, output  # its period is a minute: once, by one of the two
    assert sum("waits" in text for text in output) == 1, output
