"""Sending activities: one Delivery row per (activity, inbox), one task per row.

States: PENDING (queued) → SENT; a failure → RETRYING with `next_attempt_at` growing
exponentially (RETRY_BASE × 2^attempts, at most RETRY_MAX apart) → GIVEN_UP after
MAX_ATTEMPTS, or at once on a 4xx other than 408/429 (the server refuses it for good). A
server whose deliveries failed DEAD_AFTER times in a row is marked dead (Server.dead_at) and
gets nothing more until it answers again (a request from it clears the mark). A blocked
server gets nothing.

Nothing is sent inside a request: `queue` writes rows and queues their tasks with the change
(lib.tasks.enqueue_with_change); the scheduler's `federation-deliveries` job (every minute)
queues the retries whose time has come. Each attempt signs afresh (a new Date).
"""

import datetime as dt
import json
import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from lib.fetch import BadStatus, FetchError
from lib.tasks import enqueue_with_change

from . import ids, signatures, transport
from .models import Delivery, LocalActor, Server

logger = logging.getLogger("anjuman.federation")

MAX_ATTEMPTS = 8
RETRY_BASE = dt.timedelta(minutes=1)
RETRY_MAX = dt.timedelta(hours=12)
DEAD_AFTER = 20
# A run holds its delivery this long; a new row waits this long for its own task before the
# scheduler's job takes it up (a lost task).
CLAIM = dt.timedelta(minutes=5)
# Finished deliveries are kept this long (for administrators' counts and for debugging).
KEEP_FINISHED = dt.timedelta(days=14)


def backoff(attempts: int) -> dt.timedelta:
    """How long after the `attempts`-th failure the next try comes."""
    wait: dt.timedelta = RETRY_BASE * (2 ** max(attempts - 1, 0))
    return min(wait, RETRY_MAX)


def _refused_domains(domains: Iterable[str]) -> set[str]:
    return set(
        Server.objects.filter(domain__in=set(domains))
        .exclude(blocked_at=None, dead_at=None)
        .values_list("domain", flat=True)
    )


def queue(actor: LocalActor, activity: dict[str, Any], inboxes: Iterable[str]) -> list[Delivery]:
    """Rows for `activity` to each inbox (each once), and their tasks, in the caller's
    transaction."""
    unique = sorted({inbox for inbox in inboxes if inbox})
    refused = _refused_domains(ids.domain_of(inbox) for inbox in unique)
    rows = [
        Delivery(
            actor=actor,
            inbox=inbox,
            domain=ids.domain_of(inbox),
            activity=activity,
            next_attempt_at=timezone.now() + CLAIM,
        )
        for inbox in unique
        if ids.domain_of(inbox) not in refused
    ]
    if not rows:
        return []
    with transaction.atomic():
        made = Delivery.objects.bulk_create(rows)
        for row in made:
            enqueue_with_change(deliver_task, row.pk)
    return made


def attempt(delivery: Delivery) -> bool:
    """One try at `delivery` (no transaction held while the request runs); True if sent."""
    if delivery.state in (Delivery.State.SENT, Delivery.State.GIVEN_UP):
        return delivery.state == Delivery.State.SENT
    if _refused_domains([delivery.domain]):
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.GIVEN_UP, last_error="server blocked or dead"
        )
        return False
    # Claimed with a conditional update: of two runs of one delivery (its own task and the
    # scheduler's, or a task run twice), only one sends.
    now = timezone.now()
    if not Delivery.objects.filter(
        pk=delivery.pk,
        state=delivery.state,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
    ).update(next_attempt_at=now + CLAIM):
        return False
    actor = delivery.actor
    # The activity names its actor (ours): signed under that actor's key id even after a
    # member who left lost their handle (their Delete is sent after it).
    actor_url = str(delivery.activity.get("actor") or ids.network_actor())
    body = json.dumps(delivery.activity, ensure_ascii=False).encode()
    headers = signatures.sign(
        "POST",
        delivery.inbox,
        key_id=ids.key_id(actor_url),
        private_key_pem=actor.private_key,
        body=body,
    )
    headers["Accept"] = transport.AP_ACCEPT
    try:
        transport.post(delivery.inbox, body, headers)
    except FetchError as error:
        _failed(delivery, error, now)
        return False
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.SENT, sent_at=now, attempts=F("attempts") + 1, last_error=""
    )
    Server.objects.filter(domain=delivery.domain).update(failures=0, dead_at=None)
    return True


def _failed(delivery: Delivery, error: FetchError, now: dt.datetime) -> None:
    attempts = delivery.attempts + 1
    permanent = (
        isinstance(error, BadStatus)
        and 400 <= error.status < 500
        and error.status
        not in (
            408,
            429,
        )
    )
    with transaction.atomic():
        if permanent or attempts >= MAX_ATTEMPTS:
            state, next_at = Delivery.State.GIVEN_UP, now
        else:
            state, next_at = Delivery.State.RETRYING, now + backoff(attempts)
        Delivery.objects.filter(pk=delivery.pk).update(
            state=state, attempts=attempts, next_attempt_at=next_at, last_error=str(error)[:300]
        )
        if not permanent:
            server, _made = Server.objects.get_or_create(domain=delivery.domain)
            Server.objects.filter(pk=server.pk).update(failures=F("failures") + 1)
            Server.objects.filter(pk=server.pk, failures__gte=DEAD_AFTER, dead_at=None).update(
                dead_at=now
            )
    logger.warning(
        "Delivery %s to %s failed (attempt %d): %s", delivery.pk, delivery.inbox, attempts, error
    )


@task
def deliver_task(delivery_id: int) -> None:
    delivery = Delivery.objects.select_related("actor__member").filter(pk=delivery_id).first()
    if delivery is not None:
        attempt(delivery)


def due(now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Delivery.objects.filter(
            state__in=[Delivery.State.PENDING, Delivery.State.RETRYING],
            next_attempt_at__lte=now,
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:500]
    )


def queue_due(now: dt.datetime | None = None) -> int:
    """Queues a task for each delivery whose retry time has come (the scheduler's job)."""
    found = due(now)
    for pk in found:
        deliver_task.enqueue(pk)
    return len(found)


def forget_finished(now: dt.datetime | None = None) -> int:
    """Deletes deliveries sent or given up more than KEEP_FINISHED ago (the table would grow
    by followers × posts otherwise); returns how many."""
    before = (now or timezone.now()) - KEEP_FINISHED
    deleted, _by_model = Delivery.objects.filter(
        state__in=[Delivery.State.SENT, Delivery.State.GIVEN_UP], created_at__lt=before
    ).delete()
    return deleted


@task
def queue_due_task() -> None:
    queue_due()
    forget_finished()
