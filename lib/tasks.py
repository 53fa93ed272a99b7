"""Queuing work with the change that asks for it."""

from typing import Any

from django.db import transaction
from django.tasks import Task
from django.tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend


def enqueue_with_change(job: Task[..., Any], *args: Any) -> None:
    """Queues `job`: inside the caller's transaction with the database queue (the task exists
    exactly when the change does: lib/email.py explains why), and run at once by the immediate
    one (the tests'); after the commit with another queue (Redis), which cannot share the
    transaction and must not run the task before the change is visible."""
    if isinstance(job.get_backend(), DatabaseBackend | ImmediateBackend):
        job.enqueue(*args)
    else:
        transaction.on_commit(lambda: job.enqueue(*args))
