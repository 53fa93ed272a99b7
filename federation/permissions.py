"""Who may change what of federation (docs/permissions.md rows in the integration notes)."""

from members.models import Member
from members.permissions import is_admin, is_member

from .models import Following, MemberBlock


def can_manage_federation(user: object) -> bool:
    """Administrators and the creator block and unblock other servers."""
    return is_admin(user)


def can_change_own_federation(user: object) -> bool:
    """Every member chooses for their own blog, and blocks accounts of other servers."""
    return is_member(user)


def can_unblock(user: object, block: MemberBlock) -> bool:
    return isinstance(user, Member) and is_member(user) and block.member_id == user.pk


def can_follow_elsewhere(user: object) -> bool:
    """Every member follows accounts of other servers, for themselves."""
    return is_member(user)


def can_unfollow(user: object, row: Following) -> bool:
    return isinstance(user, Member) and is_member(user) and row.member_id == user.pk
