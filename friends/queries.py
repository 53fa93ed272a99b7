"""What other apps ask about friends and blocks (activity, messages, wall comments, mentions).

Each answer costs at most one query, or none when cached; none writes. Functions take members
or their ids where a caller often has only the id (a row's `author_id`).

Cache tags (docs/architecture.md): `friends:<id>` changes with member <id>'s friendships (their
friends count, list and avatars), `friend-requests:<id>` with the requests they sent or received,
`blocks:<id>` with the blocks they made or received. A fragment that leaves out blocked members
depends on `blocks:<viewer id>`.
"""

from enum import StrEnum

from django.db.models import Exists, Q, QuerySet

from lib.cachetags import cached
from members.models import Member

from .models import Block, FriendRequest, Friendship

type MemberOrId = Member | int


def _id(member: MemberOrId) -> int:
    return member if isinstance(member, int) else member.pk


def friends_tag(member: MemberOrId) -> str:
    return f"friends:{_id(member)}"


def requests_tag(member: MemberOrId) -> str:
    return f"friend-requests:{_id(member)}"


def blocks_tag(member: MemberOrId) -> str:
    return f"blocks:{_id(member)}"


class Relation(StrEnum):
    """What `viewer` sees between themselves and another member (which buttons to show).

    BLOCKED means the viewer blocked the member. A member who is blocked is never told: for
    them the relation reads as if there were no block."""

    SELF = "self"
    NONE = "none"
    FRIENDS = "friends"
    REQUEST_SENT = "request-sent"
    REQUEST_RECEIVED = "request-received"
    BLOCKED = "blocked"


# --- Friends ---------------------------------------------------------------------------------


def read_friend_ids(member_id: int) -> set[int]:
    """The ids of the member's friends, read now (inside a write, or where a cache would not
    help); suspended friends included."""
    pairs = Friendship.objects.filter(Q(low_id=member_id) | Q(high_id=member_id)).values_list(
        "low_id", "high_id"
    )
    return {high if low == member_id else low for low, high in pairs}


def friend_ids(member: MemberOrId) -> set[int]:
    """The ids of the member's friends (suspended ones included: filter with `listed()` when
    showing them), cached until their friendships change."""
    member_id = _id(member)
    return cached(
        f"friends:ids:{member_id}", lambda: read_friend_ids(member_id), [friends_tag(member_id)]
    )


def friends_of(member: MemberOrId) -> QuerySet[Member]:
    """The member's friends that the directory lists, by name."""
    return Member.objects.listed().filter(pk__in=friend_ids(member)).order_by("display_name", "id")


def are_friends(a: MemberOrId, b: MemberOrId) -> bool:
    low, high = Friendship.pair(_id(a), _id(b))
    return Friendship.objects.filter(low_id=low, high_id=high).exists()


def mutual_friend_ids(a: MemberOrId, b: MemberOrId) -> set[int]:
    return friend_ids(a) & friend_ids(b)


def mutual_friends(a: MemberOrId, b: MemberOrId) -> QuerySet[Member]:
    """Members who are friends of both (and listed), by name."""
    ids = mutual_friend_ids(a, b)
    return Member.objects.listed().filter(pk__in=ids).order_by("display_name", "id")


# --- Requests --------------------------------------------------------------------------------


def requests_received(member: MemberOrId) -> QuerySet[FriendRequest]:
    """Requests waiting for the member's answer, newest first — but not those from members
    they blocked (kept, never shown: services.send_request) or who are suspended."""
    member_id = _id(member)
    return (
        FriendRequest.objects.filter(
            to_member_id=member_id,
            from_member__is_active=True,
            from_member__origin=Member.Origin.LOCAL,
        )
        .exclude(from_member__in=Block.objects.filter(blocker_id=member_id).values("blocked_id"))
        .select_related("from_member")
        .order_by("-created_at", "-id")
    )


def requests_sent(member: MemberOrId) -> QuerySet[FriendRequest]:
    """The member's own requests still waiting for an answer, newest first."""
    return (
        FriendRequest.objects.filter(
            from_member_id=_id(member),
            to_member__is_active=True,
            to_member__origin=Member.Origin.LOCAL,
        )
        .select_related("to_member")
        .order_by("-created_at", "-id")
    )


def pending_count(member: MemberOrId) -> int:
    """How many requests wait for the member's answer (a header badge), cached."""
    member_id = _id(member)
    return cached(
        f"friends:pending:{member_id}",
        lambda: requests_received(member_id).count(),
        [requests_tag(member_id)],
    )


# --- Blocks ----------------------------------------------------------------------------------


def blocked_between(a: MemberOrId, b: MemberOrId) -> bool:
    """Whether either of the two blocked the other (no messages, comments, requests)."""
    a_id, b_id = _id(a), _id(b)
    return Block.objects.filter(
        Q(blocker_id=a_id, blocked_id=b_id) | Q(blocker_id=b_id, blocked_id=a_id)
    ).exists()


def has_blocked(blocker: MemberOrId, blocked: MemberOrId) -> bool:
    return Block.objects.filter(blocker_id=_id(blocker), blocked_id=_id(blocked)).exists()


def hidden_member_ids(user: object) -> set[int]:
    """Members whose activity `user` does not see: those they blocked and those who blocked
    them. Empty for visitors (`request.user` may be passed as it is)."""
    if not isinstance(user, Member) or user.pk is None:
        return set()
    pairs = Block.objects.filter(Q(blocker_id=user.pk) | Q(blocked_id=user.pk)).values_list(
        "blocker_id", "blocked_id"
    )
    return {blocked if blocker == user.pk else blocker for blocker, blocked in pairs}


# --- The buttons -----------------------------------------------------------------------------


def relation(viewer: object, member: Member) -> Relation:
    """Between a signed-in viewer and a member, in one query; NONE for visitors."""
    if not isinstance(viewer, Member) or viewer.pk is None:
        return Relation.NONE
    if viewer.pk == member.pk:
        return Relation.SELF
    low, high = Friendship.pair(viewer.pk, member.pk)
    row = (
        Member.objects.filter(pk=member.pk)
        .annotate(
            blocked=Exists(Block.objects.filter(blocker_id=viewer.pk, blocked_id=member.pk)),
            friends=Exists(Friendship.objects.filter(low_id=low, high_id=high)),
            sent=Exists(FriendRequest.objects.filter(from_member_id=viewer.pk, to_member=member)),
            received=Exists(
                FriendRequest.objects.filter(from_member=member, to_member_id=viewer.pk)
            ),
        )
        .values_list("blocked", "friends", "sent", "received")
        .first()
    )
    if row is None:
        return Relation.NONE
    blocked, friends, sent, received = row
    if blocked:
        return Relation.BLOCKED
    if friends:
        return Relation.FRIENDS
    if sent:
        return Relation.REQUEST_SENT
    if received:
        return Relation.REQUEST_RECEIVED
    return Relation.NONE
