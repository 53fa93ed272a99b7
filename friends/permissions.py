"""Who may make friends and block. docs/permissions.md has the whole matrix.

Asking (send a request, accept one) is writing: confirmed members only, as for posts and
comments. Saying no — decline, cancel, unfriend, block, unblock — only ever reduces contact, so
every signed-in member may, confirmed or not: someone who has not opened their email yet can
still keep a pest away.
"""

from members.models import Member
from members.permissions import can_contribute, is_member


def is_befriendable(member: Member) -> bool:
    """A member of this network who is not suspended (the directory's `listed()`)."""
    return member.is_active and member.origin == Member.Origin.LOCAL


def can_befriend(user: object, member: Member) -> bool:
    """Send a friend request to `member`, or accept theirs."""
    return can_contribute(user) and user.pk != member.pk and is_befriendable(member)


def can_refuse(user: object, member: Member) -> bool:
    """Decline or cancel a request, unfriend, block or unblock `member`."""
    return is_member(user) and user.pk != member.pk
