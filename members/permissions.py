"""Who someone is on this network: the roles every app's permissions are built from.

Roles, highest first: creator > administrator > moderator > member. A member who has not
confirmed their email reads like a member but writes nothing. A suspended member
(`is_active` off) is signed out by Django's authentication backend at their next request and
reads like a visitor. Accounts of other servers (origin REMOTE) never sign in here.
docs/permissions.md has the whole matrix.
"""

from typing import TypeGuard

from django.utils.translation import gettext_lazy as _

from .models import Member

CREATOR_CANNOT_LEAVE = _(
    "The network's creator cannot leave it. Hand the network over to another member first."
)


def is_member(user: object) -> TypeGuard[Member]:
    """A signed-in member of this network who is not suspended, nor waiting for an
    administrator's approval (they read as visitors: access/ shows them a page that says so)."""
    return (
        isinstance(user, Member)
        and user.is_active
        and user.origin == Member.Origin.LOCAL
        and not user.awaiting_approval
    )


def can_contribute(user: object) -> TypeGuard[Member]:
    """Members who confirmed their email write posts and comments; others only read."""
    return is_member(user) and user.email_confirmed


def is_moderator(user: object) -> TypeGuard[Member]:
    """Moderators, administrators and the creator: may hide and delete others' content."""
    return is_member(user) and user.role in (
        Member.Role.CREATOR,
        Member.Role.ADMIN,
        Member.Role.MODERATOR,
    )


def is_admin(user: object) -> TypeGuard[Member]:
    """Administrators and the creator: manage the network and edit any content."""
    return is_member(user) and user.role in (Member.Role.CREATOR, Member.Role.ADMIN)


def manages_content_of(user: object, author_id: int | None) -> bool:
    """The author themselves and administrators edit content and see drafts."""
    return is_member(user) and (user.pk == author_id or is_admin(user))


def can_edit_profile(user: object, member: Member) -> bool:
    return is_member(user) and user.pk == member.pk


def can_leave(user: object) -> bool:
    """Every member may leave the network (deleting their account) but its creator, who must
    hand the network over first: a network has exactly one creator."""
    return is_member(user) and not user.is_creator


def moderates(user: object, feature: str) -> bool:
    """Whether `user` moderates `feature` ("blogs", "comments", "forum", "groups", "events",
    "photos", …): administrators and the creator always; a moderator when their
    `moderator_scopes` is empty (every feature) or names it."""
    if is_admin(user):
        return True
    if not is_moderator(user):
        return False
    scopes = user.moderator_scopes
    return not scopes or feature in scopes
