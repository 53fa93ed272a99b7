"""Broadcasts are delivered by the task queue, a batch per task, never inside the request.

Each task delivers one batch (services.deliver_batch: its participant rows, its event, the
cursor moved, in one transaction) and queues the next one. With the database queue the next
task is queued in the batch's own transaction, so a batch and its successor commit together
(as lib/email.py queues email); other queues get it after the commit. A worker killed in the
middle of a batch leaves it undone and nothing queued: the scheduler's job queues a batch again
for a broadcast that has not moved for STALLED_SECONDS. Two runs of the same batch deliver it
once (the cursor's conditional UPDATE).
"""

from django.db import transaction
from django.tasks import task
from django_tasks_db.backend import DatabaseBackend

BATCH_SIZE = 500
STALLED_SECONDS = 120


@task
def deliver_broadcast(broadcast_id: int) -> None:
    from .services import deliver_batch

    with transaction.atomic():
        if deliver_batch(broadcast_id, BATCH_SIZE):
            queue_batch(broadcast_id)


def queue_batch(broadcast_id: int) -> None:
    if isinstance(deliver_broadcast.get_backend(), DatabaseBackend):
        deliver_broadcast.enqueue(broadcast_id)  # in the caller's transaction: see above
    else:
        transaction.on_commit(lambda: deliver_broadcast.enqueue(broadcast_id))


@task
def resume_broadcasts() -> None:
    """The scheduler's job (apps.py): a broadcast whose worker died goes on within minutes."""
    from .services import stalled_broadcasts

    for broadcast_id in stalled_broadcasts(STALLED_SECONDS):
        with transaction.atomic():
            queue_batch(broadcast_id)
