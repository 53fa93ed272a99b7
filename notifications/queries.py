"""What the pages read: a member's notifications, their unread count, their choices.

No cache tags: the bell's count is one query on a partial index of the unread rows (tens of
microseconds), where a cached count would need a tag per member, and an event that tells many
members (a broadcast, a busy post's earlier commenters) would write one tag version per member
— measured at 1.3 ms each with the file cache — inside the request that caused it.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from features.services import off_apps
from members.models import Member
from network.services import current_network

from . import kinds
from .kinds import Delivery
from .models import Notification, Preference

type MemberOrId = Member | int


def _id(member: MemberOrId) -> int:
    return member if isinstance(member, int) else member.pk


def off_type_ids() -> list[int]:
    """The content types of the features the network switched off (features: their apps'
    models): what notifications are about them is not shown, counted or emailed while they
    are off (and is again once they are back on). No query: content types are kept."""
    labels = off_apps(current_network())
    if not labels:
        return []
    models: list[type[Model]] = []
    for label in sorted(labels):
        try:
            models.extend(apps.get_app_config(label).get_models())
        except LookupError:
            continue
    if not models:
        return []
    types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return sorted(ct.pk for ct in types.values())


def switched_on() -> Q:
    """Notifications about nothing of a feature switched off (what they are about, and where
    it is: a reply in a discussion)."""
    off = off_type_ids()
    if not off:
        return Q()
    return ~Q(target_type_id__in=off) & ~Q(about_type_id__in=off)


def is_switched_on(notification: Notification) -> bool:
    off = off_type_ids()
    return notification.target_type_id not in off and notification.about_type_id not in off


def notifications_of(member: MemberOrId) -> QuerySet[Notification]:
    """The member's notifications, newest first (the list's index), but those about a
    feature switched off."""
    return (
        Notification.objects.filter(recipient_id=_id(member))
        .filter(switched_on())
        .order_by("-created_at", "-id")
    )


def unread_count(member: MemberOrId) -> int:
    """How many notifications the member has not read (the bell): one query on the index of
    the unread (notification_unread), those about a feature switched off left out."""
    return (
        Notification.objects.filter(recipient_id=_id(member), read_at=None)
        .filter(switched_on())
        .count()
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
