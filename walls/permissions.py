"""Who may see and write on a member's comment wall. docs/permissions.md has the whole matrix.

Writing, replying, deleting and hiding are the comments plug-in's rules (comments/permissions.py)
with the wall's registration (walls/apps.py): confirmed members write on any listed member's
wall, their own included; the wall's member deletes any comment on it, as moderators and
administrators do. Two members of whom one blocked the other do not see each other's comments
on walls, and neither writes on the other's wall (friends.queries.hidden_member_ids).
"""

from collections.abc import Collection

from friends.queries import hidden_member_ids
from members.models import Member

from .models import Wall


def has_wall(member: Member) -> bool:
    """Members whose page the network shows (local, not suspended): the directory's `listed()`."""
    return member.is_active and member.origin == Member.Origin.LOCAL


def can_view_wall(user: object, wall: Wall) -> bool:
    return has_wall(wall.member)


def takes_comments(wall: Wall) -> bool:
    return has_wall(wall.member)


def hidden_authors(user: object, wall: Wall) -> Collection[int]:
    """Those `user` blocked and those who blocked them: their wall comments are not shown to
    `user`, and if the wall is one of theirs `user` may not write on it."""
    return hidden_member_ids(user)
