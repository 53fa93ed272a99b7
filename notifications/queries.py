"""What the pages read: a member's notifications, their unread count, their choices.

Cache tag (docs/architecture.md): `notifications:<id>` changes with member <id>'s
notifications (a new one, one read, all read): the bell's count depends on it.
"""

from django.db.models import QuerySet

from lib.cachetags import cached
from members.models import Member

from . import kinds
from .kinds import Delivery
from .models import Notification, Preference

type MemberOrId = Member | int


def _id(member: MemberOrId) -> int:
    return member if isinstance(member, int) else member.pk


def tag(member: MemberOrId) -> str:
    return f"notifications:{_id(member)}"


def notifications_of(member: MemberOrId) -> QuerySet[Notification]:
    """The member's notifications, newest first (the list's index)."""
    return Notification.objects.filter(recipient_id=_id(member)).order_by("-created_at", "-id")


def unread_count(member: MemberOrId) -> int:
    """How many notifications the member has not read (the bell), cached until one changes."""
    member_id = _id(member)
    return cached(
        f"notifications:unread:{member_id}",
        lambda: Notification.objects.filter(recipient_id=member_id, read_at=None).count(),
        [tag(member_id)],
    )


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
