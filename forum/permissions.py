"""Who may see and do what in the forum. Views, templates (through the views), services and
the comments plug-in (the registration in apps.py) all ask here; docs/permissions.md has the
matrix. Discussions follow the blog rules: the author edits (and administrators), the author,
moderators and administrators delete, moderators hide; moderators also pin and close.

A discussion in a group is read by those who read the group's content
(groups.permissions.can_view_group_content: a private group's members, network administrators
and the creator) and started and replied to by the group's members only
(groups.permissions.can_post_in_group). The comments plug-in has no "who may write" hook: the
Commentable's hidden_authors (reply_gate below) is how non-members are kept from replying."""

from collections.abc import Collection

from groups.models import Group
from groups.permissions import can_post_in_group, can_view_group_content
from members.permissions import (
    can_contribute,
    is_admin,
    is_member,
    is_moderator,
    manages_content_of,
)

from .models import Category, Discussion


def can_manage_categories(user: object) -> bool:
    """Administrators and the creator create, edit, order and delete categories."""
    return is_admin(user)


def can_delete_category(user: object, category: Category) -> bool:
    return can_manage_categories(user)


def can_start_discussion(user: object, group: Group | None = None) -> bool:
    """Members who confirmed their email; in a group, its members (not while it is hidden)."""
    if group is not None:
        return can_post_in_group(user, group)
    return can_contribute(user)


def can_view_discussion(user: object, discussion: Discussion) -> bool:
    """Not hidden: everyone. Hidden: its author, moderators and administrators. In a group:
    and only those who read the group's content (Discussion.objects.visible_to says the same
    for lists)."""
    if discussion.group is not None and not can_view_group_content(user, discussion.group):
        return False
    if not discussion.is_hidden:
        return True
    return manages_content_of(user, discussion.author_id) or is_moderator(user)


def can_reply(user: object, discussion: Discussion) -> bool:
    """Besides the comments plug-in's rules (confirmed members, open, seen): in a group, its
    members only."""
    return discussion.group is None or can_post_in_group(user, discussion.group)


class Starter(int):
    """The starter's id as the comments plug-in gets it from the registration's author_id: a
    plain int to everything (they delete any reply in their discussion), and the one thing
    ReplyGate stands in a hidden-authors set for."""


class ReplyGate(int):
    """In the hidden-authors set of someone who may not reply (not in the discussion's group):
    the plug-in's "the target's author is hidden from you, so you may not comment" check finds
    it (it equals the Starter), while it is 0 — no member's id — to everything else, so no
    member's replies are hidden by it (a set lookup of a plain id, the SQL `author_id IN`)."""

    def __new__(cls, starter_id: int) -> "ReplyGate":
        gate = super().__new__(cls, 0)
        gate.starter_id = starter_id
        return gate

    starter_id: int

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Starter):
            return int(other) == self.starter_id
        return isinstance(other, int) and not isinstance(other, ReplyGate) and int(other) == 0

    def __hash__(self) -> int:
        return hash(self.starter_id)


def starter_id(discussion: Discussion) -> int:
    return Starter(discussion.author_id)


def reply_gate(user: object, discussion: Discussion) -> Collection[int]:
    """The registration's hidden_authors: nobody, but for someone who may not reply in the
    discussion's group, the gate (see ReplyGate)."""
    if can_reply(user, discussion):
        return ()
    return frozenset({ReplyGate(discussion.author_id)})


def can_edit_discussion(user: object, discussion: Discussion) -> bool:
    """The author and administrators."""
    return manages_content_of(user, discussion.author_id)


def can_delete_discussion(user: object, discussion: Discussion) -> bool:
    """The author, moderators and administrators."""
    return can_edit_discussion(user, discussion) or is_moderator(user)


def can_hide_discussion(user: object, discussion: Discussion) -> bool:
    return is_moderator(user)


def can_pin_discussion(user: object, discussion: Discussion) -> bool:
    return is_moderator(user)


def can_close_discussion(user: object, discussion: Discussion) -> bool:
    return is_moderator(user)


def takes_replies(discussion: Discussion) -> bool:
    """Whether the discussion takes new replies (comments.registry's is_open): not closed."""
    return not discussion.is_closed


def can_follow(user: object, discussion: Discussion) -> bool:
    """Members (confirmed or not: following writes nothing others read) who see it."""
    return is_member(user) and can_view_discussion(user, discussion)
