"""Who may see which stream, and which entry. docs/permissions.md has the whole matrix.

The network's stream and each member's are public, like the posts and profiles they tell of;
the friends stream is a signed-in member's own. Nobody writes to a stream: entries follow what
members do elsewhere (services.py).
"""

from django.db import models

from comments import registry as comments
from members.models import Member
from members.permissions import is_member

from .models import Entry
from .registry import Kind


def can_view_friends_stream(user: object) -> bool:
    """What the member's friends did: members only (unconfirmed ones too: it is reading)."""
    return is_member(user)


def can_view_member_stream(user: object, member: Member) -> bool:
    """A member's activity, wherever their page shows: listed members (not suspended, of this
    network)."""
    return member.is_active and member.origin == Member.Origin.LOCAL


def can_view_entry(
    viewer: object, kind: Kind, entry: Entry, target: models.Model, on: models.Model | None
) -> bool:
    """Whether `viewer` sees an entry whose target (and what it is on) still exist.

    Blocks are left out by the query (queries._keys); here: suspended members' activity and
    what concerns them is gone with their page, what it is on must be visible to the viewer
    (the comments registry's can_view: posts, walls…), and the kind may say more (later:
    private groups)."""
    if not entry.actor.is_active or (entry.subject is not None and not entry.subject.is_active):
        return False
    if on is not None:
        try:
            registration = comments.for_target(on)
        except LookupError:
            pass
        else:
            if not registration.can_view(viewer, on):
                return False
    return kind.can_view(viewer, entry, target, on)
