"""The scheduler: each job once per period, one scheduler at a time (lib/scheduler.py)."""

from datetime import timedelta

import pytest
from django.tasks import task

from lib import scheduler

RUNS: list[str] = []


@task
def tick() -> None:
    RUNS.append("tick")


@pytest.fixture
def a_job(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scheduler, "_jobs", {})
    RUNS.clear()
    scheduler.register("tick", timedelta(minutes=1), tick)


def test_a_job_runs_once_per_period(a_job: None) -> None:
    assert scheduler.run_due(now=1000) == ["tick"]
    assert scheduler.run_due(now=1030) == []
    assert scheduler.run_due(now=1061) == ["tick"]
    assert RUNS == ["tick", "tick"]  # the test settings' task backend runs it at once


def test_after_downtime_a_job_runs_once_not_once_per_missed_period(a_job: None) -> None:
    scheduler.run_due(now=1000)
    assert scheduler.run_due(now=1000 + 3600) == ["tick"]
    assert RUNS == ["tick", "tick"]


def test_one_scheduler_holds_the_lease_the_other_waits_then_takes_over() -> None:
    assert scheduler.hold_lease("machine-a:1")
    assert not scheduler.hold_lease("machine-b:7")
    assert scheduler.hold_lease("machine-a:1")  # renewed
    scheduler.release_lease("machine-a:1")
    assert scheduler.hold_lease("machine-b:7")


def test_a_waiting_scheduler_queues_nothing(a_job: None) -> None:
    assert scheduler.hold_lease("someone-else:1")
    scheduler.run(once=True)
    assert RUNS == []
    scheduler.release_lease("someone-else:1")
    scheduler.run(once=True)
    assert RUNS == ["tick"]
