"""Daily and weekly digests: the scheduler's job (hourly) sends each member who waits for one
their digest once per period — a day, or a week from Monday, in the network's time zone.

A digest holds the member's unread notifications that chose it and no digest has held yet.
Sending it, for one member, is one transaction: the Digest row (unique per member, frequency
and period), the notifications marked as held by it, and the email queued (lib.email). The job
may run twice, or two schedulers may overlap: the second insert of the same digest fails and
that member is skipped, so nobody gets a period's digest twice. Notifications made after a
digest went out wait for the next period's.
"""

import datetime as dt
import logging
import zoneinfo

from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from members.models import Member
from network.services import current_network

from . import emails, permissions
from .kinds import Delivery
from .models import Digest, Notification
from .queries import switched_on

logger = logging.getLogger("anjuman.notifications")

# The most notifications one digest lists (the newest); the rest are on the site.
MAX_ITEMS = 50


def period_of(frequency: str, now: dt.datetime) -> dt.date:
    """The day, or the Monday of the week, that `now` falls in (network's time zone)."""
    network = current_network()
    zone = zoneinfo.ZoneInfo(network.time_zone) if network else timezone.get_default_timezone()
    day = timezone.localtime(now, zone).date()
    if frequency == Delivery.WEEKLY:
        return day - dt.timedelta(days=day.weekday())
    return day


def _waiting(frequency: str) -> list[int]:
    """The members with notifications waiting for this frequency's digest."""
    return list(
        Notification.objects.filter(delivery=frequency, digest=None, read_at=None)
        .filter(switched_on())
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def send_digests(now: dt.datetime | None = None) -> int:
    """Sends every digest due now; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for frequency in (Delivery.DAILY, Delivery.WEEKLY):
        period = period_of(frequency, now)
        for member in Member.objects.filter(pk__in=_waiting(frequency)):
            if _send_one(member, frequency, period, now):
                sent += 1
    return sent


def _send_one(member: Member, frequency: str, period: dt.date, now: dt.datetime) -> bool:
    waiting = Notification.objects.filter(
        recipient=member, delivery=frequency, digest=None, read_at=None
    ).filter(switched_on())
    if not permissions.may_be_emailed(member):
        # Unconfirmed or suspended: shown on the site only, never emailed later in a heap.
        waiting.update(delivery=Delivery.PAGE)
        return False
    try:
        with transaction.atomic():
            digest = Digest.objects.create(
                member=member, frequency=frequency, period=period, sent_at=now
            )
            items = list(
                waiting.select_related("actor", "recipient").order_by("-created_at", "-id")
            )
            if not items:
                raise _Nothing
            Notification.objects.filter(pk__in=[n.pk for n in items]).update(digest=digest)
            emails.send_digest(frequency, items[:MAX_ITEMS])
    except IntegrityError:
        return False  # this period's digest went out already
    except _Nothing:
        return False
    return True


class _Nothing(Exception):
    """Read since the job looked: no digest (and no Digest row) this time."""


@task
def send_digests_task() -> None:
    sent = send_digests()
    if sent:
        logger.info("sent %d notification digests", sent)
