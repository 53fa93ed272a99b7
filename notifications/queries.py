"""What the pages read: a member's notifications, their unread count, their choices.

No cache tags: the bell's count is one query on a partial index of the unread rows (tens of
microseconds), where a cached count would need a tag per member, and an event that tells many
members (a broadcast, a busy post's earlier commenters) would write one tag version per member
— measured at 1.3 ms each with the file cache — inside the request that caused it.
"""

from django.db.models import QuerySet

from members.models import Member

from . import kinds
from .kinds import Delivery
from .models import Notification, Preference

type MemberOrId = Member | int


def _id(member: MemberOrId) -> int:
    return member if isinstance(member, int) else member.pk


def notifications_of(member: MemberOrId) -> QuerySet[Notification]:
    """The member's notifications, newest first (the list's index)."""
    return Notification.objects.filter(recipient_id=_id(member)).order_by("-created_at", "-id")


def unread_count(member: MemberOrId) -> int:
    """How many notifications the member has not read (the bell): one query on the index of
    the unread (notification_unread)."""
    return Notification.objects.filter(recipient_id=_id(member), read_at=None).count()


def deliveries(member: MemberOrId) -> dict[str, Delivery]:
    """The member's choice for every registered kind (defaults where they chose nothing)."""
    chosen = dict(Preference.objects.filter(member_id=_id(member)).values_list("kind", "delivery"))
    return {kind.name: Delivery(chosen.get(kind.name, kind.default)) for kind in kinds.registered()}


def deliveries_for(member_ids: list[int], kind_name: str) -> dict[int, Delivery]:
    """Each member's choice for one kind, in one query (the recipients of an event)."""
    default = kinds.get(kind_name).default
    chosen = dict(
        Preference.objects.filter(member_id__in=member_ids, kind=kind_name).values_list(
            "member_id", "delivery"
        )
    )
    return {pk: Delivery(chosen.get(pk, default)) for pk in member_ids}
