"""Who may ask profile questions, see which answers, and feature members.
docs/permissions.md has the whole matrix."""

from members.models import Member
from members.permissions import is_admin, is_member
from network.permissions import can_manage_network

from .models import Visibility

# What a viewer sees of a member's answers, least first. The member's page caches one
# rendering per level (profiles/sections.py), so a level must depend on nothing else.
EVERYONE, MEMBERS, OWNER, ADMINS = "everyone", "members", "owner", "admins"


def can_manage_questions(user: object) -> bool:
    """The creator and administrators, as for the network's other settings."""
    return can_manage_network(user)


def can_feature_members(user: object) -> bool:
    return is_admin(user)


def viewer_level(user: object, member: Member | None = None) -> str:
    """How much of `member`'s answers `user` sees (without a member: of anyone's, as the
    directory's search asks)."""
    if is_admin(user):
        return ADMINS
    if member is not None and is_member(user) and user.pk == member.pk:
        return OWNER
    return MEMBERS if is_member(user) else EVERYONE


def visibilities_for(level: str) -> tuple[str, ...]:
    """The question visibilities whose answers a viewer of `level` sees."""
    if level in (ADMINS, OWNER):
        return (Visibility.EVERYONE, Visibility.MEMBERS, Visibility.ADMINS)
    if level == MEMBERS:
        return (Visibility.EVERYONE, Visibility.MEMBERS)
    return (Visibility.EVERYONE,)


def sees_removed_answers(level: str) -> bool:
    """Answers to removed questions stay readable to administrators only."""
    return level == ADMINS
