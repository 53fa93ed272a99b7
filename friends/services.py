"""Friend requests, friendships and blocks: every write, checked and in one transaction.

Each function takes the acting member (`by`) and checks friends/permissions.py itself, so a
command or a future API is refused what the page refuses. Saying the same thing twice (a
double click, two tabs, two requests racing) is not an error: the database constraints
(models.py) let one write through, the other finds it and answers with it. What cannot be done
raises `Refused`, whose message is for the member.

Blocking is silent: a blocked member may still send the blocker a request — it is kept, and
they see it as sent and may cancel it, but the blocker never sees it while the block lasts.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lib import events
from lib.cachetags import invalidate
from members.models import Member

from . import permissions
from .models import Block, FriendRequest, Friendship
from .queries import blocks_tag, friends_tag, read_friend_ids, requests_tag


class Refused(ValidationError):
    """What the member asked cannot be done; the message says why."""


class Sent(StrEnum):
    """What came of sending a friend request."""

    SENT = "sent"
    ALREADY_SENT = "already-sent"
    # They had asked first: the request made the two friends.
    FRIENDS_NOW = "friends-now"
    ALREADY_FRIENDS = "already-friends"


def _check(allowed: bool, by: Member, other: Member) -> None:
    if by.pk == other.pk:
        raise Refused(_("You cannot do that with yourself."))
    if not allowed:
        raise PermissionDenied(_("Only members with a confirmed email can add friends."))


def _between(a: Member, b: Member) -> Q:
    """Requests between the two, in either direction."""
    return Q(from_member=a, to_member=b) | Q(from_member=b, to_member=a)


def _friendship(a: Member, b: Member) -> Q:
    low, high = Friendship.pair(a.pk, b.pk)
    return Q(low_id=low, high_id=high)


def _befriend(a: Member, b: Member) -> bool:
    """Makes the two friends and clears their requests; False if they already were."""
    FriendRequest.objects.filter(_between(a, b)).delete()
    low, high = Friendship.pair(a.pk, b.pk)
    try:
        with transaction.atomic():  # a savepoint: the other side may have just done it
            Friendship.objects.create(low_id=low, high_id=high)
    except IntegrityError:
        return False
    finally:
        invalidate(friends_tag(a), friends_tag(b), requests_tag(a), requests_tag(b))
    return True


def _pending(by: Member, other: Member) -> tuple[bool, bool]:
    """Whether `by` asked `other`, and whether `other` asked `by` (one query)."""
    senders = set(
        FriendRequest.objects.filter(_between(by, other)).values_list("from_member_id", flat=True)
    )
    return by.pk in senders, other.pk in senders


@transaction.atomic
def send_request(*, by: Member, to: Member) -> Sent:
    """Asks `to` to be friends; if they had asked `by` already, the two are friends now."""
    _check(permissions.can_befriend(by, to), by, to)
    if Block.objects.filter(blocker=by, blocked=to).exists():
        raise Refused(
            _("You blocked %(name)s. Unblock them first to send a friend request.")
            % {"name": to.display_name}
        )
    if Friendship.objects.filter(_friendship(by, to)).exists():
        return Sent.ALREADY_FRIENDS
    mine, theirs = _pending(by, to)
    if not (mine or theirs):
        try:
            with transaction.atomic():
                FriendRequest.objects.create(from_member=by, to_member=to)
        except IntegrityError:
            # A request of this pair was written since we looked: ours twice (a double
            # submission), or theirs at the same moment — which makes us friends.
            mine, theirs = _pending(by, to)
            if not (mine or theirs):
                # …and answered already.
                if Friendship.objects.filter(_friendship(by, to)).exists():
                    return Sent.ALREADY_FRIENDS
                raise Refused(
                    _("Something changed at the same moment. Please try again.")
                ) from None
        else:
            if Block.objects.filter(blocker=to, blocked=by).exists():
                # Kept for the sender, who is not told of the block; the blocker's pages do
                # not change.
                invalidate(requests_tag(by))
            else:
                invalidate(requests_tag(by), requests_tag(to))
                events.publish("friends.requested", actor=by, target=to)
            return Sent.SENT
    if theirs:
        if _befriend(by, to):
            events.publish("friends.accepted", actor=by, target=to)
        return Sent.FRIENDS_NOW
    return Sent.ALREADY_SENT


@transaction.atomic
def accept(*, by: Member, sender: Member) -> bool:
    """Accepts `sender`'s request: True if they are friends now, False if they already were."""
    _check(permissions.can_befriend(by, sender), by, sender)
    visible = not Block.objects.filter(blocker=by, blocked=sender).exists()
    if visible and FriendRequest.objects.filter(from_member=sender, to_member=by).exists():
        befriended = _befriend(by, sender)
        if befriended:
            events.publish("friends.accepted", actor=by, target=sender)
        return befriended
    if Friendship.objects.filter(_friendship(by, sender)).exists():
        return False  # accepted a moment ago (a double submission)
    raise Refused(_("%(name)s has not sent you a friend request.") % {"name": sender.display_name})


@transaction.atomic
def decline(*, by: Member, sender: Member) -> bool:
    """Declines `sender`'s request (they are not told); False if there was none."""
    _check(permissions.can_refuse(by, sender), by, sender)
    deleted, _rows = FriendRequest.objects.filter(from_member=sender, to_member=by).delete()
    if deleted:
        invalidate(requests_tag(by), requests_tag(sender))
    return bool(deleted)


@transaction.atomic
def cancel(*, by: Member, to: Member) -> bool:
    """Takes back `by`'s request to `to`; False if there was none."""
    _check(permissions.can_refuse(by, to), by, to)
    deleted, _rows = FriendRequest.objects.filter(from_member=by, to_member=to).delete()
    if deleted:
        invalidate(requests_tag(by), requests_tag(to))
    return bool(deleted)


@transaction.atomic
def unfriend(*, by: Member, other: Member) -> bool:
    """Ends the friendship; False if they were not friends."""
    _check(permissions.can_refuse(by, other), by, other)
    deleted, _rows = Friendship.objects.filter(_friendship(by, other)).delete()
    if deleted:
        invalidate(friends_tag(by), friends_tag(other))
        events.publish("friends.unfriended", actor=by, target=other)
    return bool(deleted)


@transaction.atomic
def block(*, by: Member, other: Member) -> bool:
    """Blocks `other`, ending any friendship and requests between the two; False if `by` had
    blocked them already."""
    _check(permissions.can_refuse(by, other), by, other)
    try:
        with transaction.atomic():
            Block.objects.create(blocker=by, blocked=other)
    except IntegrityError:
        return False
    unfriended, _rows = Friendship.objects.filter(_friendship(by, other)).delete()
    FriendRequest.objects.filter(_between(by, other)).delete()
    invalidate(requests_tag(by), requests_tag(other), blocks_tag(by), blocks_tag(other))
    events.publish("friends.blocked", actor=by, target=other)
    if unfriended:
        invalidate(friends_tag(by), friends_tag(other))
    return True


@transaction.atomic
def unblock(*, by: Member, other: Member) -> bool:
    """Lifts `by`'s block of `other`; False if there was none. A request `other` sent while
    blocked shows from now on."""
    _check(permissions.can_refuse(by, other), by, other)
    deleted, _rows = Block.objects.filter(blocker=by, blocked=other).delete()
    if deleted:
        invalidate(requests_tag(by), blocks_tag(by), blocks_tag(other))
    return bool(deleted)


def delete_friends_of(member: Member) -> None:
    """Deletes the member's requests, friendships and blocks (a members.removal step, inside
    the transaction that removes the member)."""
    friends = read_friend_ids(member.pk)
    Friendship.objects.filter(Q(low=member) | Q(high=member)).delete()
    FriendRequest.objects.filter(Q(from_member=member) | Q(to_member=member)).delete()
    Block.objects.filter(Q(blocker=member) | Q(blocked=member)).delete()
    invalidate(*(friends_tag(pk) for pk in friends | {member.pk}))
