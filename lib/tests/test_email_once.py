"""lib/email.py with the database queue: a task whose worker died is sent again, once; a task
already marked sent is never sent again; a task whose worker is alive is left alone."""

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lib import email


@pytest.fixture
def database_queue(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATA_DIR = tmp_path


def _queued(to: str) -> Any:
    email.queue_email("Hello", "Body", [to])
    return DBTaskResult.objects.get(args_kwargs__args__2=[to])


def _left_running_by_a_dead_worker(task: Any) -> None:
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING", started_at=timezone.now() - dt.timedelta(minutes=1), worker_ids=["dead"]
    )


def _work() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_task_left_running_by_a_dead_worker_is_sent_once(database_queue, smtp):
    task = _queued("orphan@example.org")
    _left_running_by_a_dead_worker(task)
    assert email.requeue_abandoned() == 1
    _work()
    [message] = smtp.wait_for("orphan@example.org")
    assert message["Message-ID"] == email.message_id(str(task.pk))
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert email.requeue_abandoned() == 0


@pytest.mark.django_db(transaction=True)
def test_a_running_task_whose_lock_is_held_is_left_alone(database_queue, smtp):
    task = _queued("alive@example.org")
    _left_running_by_a_dead_worker(task)
    with email._task_lock(str(task.pk), wait=True):  # its worker is alive, still sending
        assert email.requeue_abandoned() == 0
    assert DBTaskResult.objects.get(pk=task.pk).status == "RUNNING"


@pytest.mark.django_db(transaction=True)
def test_a_run_that_finds_its_task_already_sent_sends_nothing(database_queue, smtp, monkeypatch):
    task = _queued("once@example.org")
    # Another run marks the task sent while this one is at its DATA: this one must not end it.
    real_send = email._deliver

    def another_run_got_there_first(message, commit, undo):
        DBTaskResult.objects.filter(pk=task.pk).update(status="SUCCESSFUL")
        real_send(message, commit, undo)

    monkeypatch.setattr(email, "_deliver", another_run_got_there_first)
    _work()
    assert smtp.messages() == []
