"""Who may see and do what in the forum. Views, templates (through the views), services and
the comments plug-in (the registration in apps.py) all ask here; docs/permissions.md has the
matrix. Discussions follow the blog rules: the author edits (and administrators), the author,
moderators and administrators delete, moderators hide; moderators also pin and close.

A discussion in a group is read by those who read the group's content
(groups.permissions.can_view_group_content: a private group's members, network administrators
and the creator) and started and replied to by the group's members only
(groups.permissions.can_post_in_group). The comments plug-in has no "who may write" hook: the
Commentable's can_write (can_reply) is how non-members are kept from replying."""

from groups.models import Group
from groups.permissions import can_post_in_group, can_view_group_content
from members.permissions import (
    can_contribute,
    is_admin,
    is_member,
    is_moderator,
    manages_content_of,
    moderates,
)

from .models import Category, Discussion, groups_on


def can_manage_categories(user: object) -> bool:
    """Administrators and the creator create, edit, order and delete categories."""
    return is_admin(user)


def can_delete_category(user: object, category: Category) -> bool:
    return can_manage_categories(user)


def can_start_discussion(user: object, group: Group | None = None) -> bool:
    """Members who confirmed their email; in a group, its members (not while it is hidden)."""
    if group is not None:
        return groups_on() and can_post_in_group(user, group)
    return can_contribute(user)


def can_view_discussion(user: object, discussion: Discussion) -> bool:
    """Not hidden: everyone. Hidden: its author, moderators and administrators. Waiting for
    approval: its author and the forum's moderators (administrators too). In a group:
    and only those who read the group's content (Discussion.objects.visible_to says the same
    for lists)."""
    if discussion.group_id is not None and not groups_on():
        return False  # the network's groups are switched off, and their discussions with them
    if discussion.group is not None and not can_view_group_content(user, discussion.group):
        return False
    if discussion.is_pending:
        return manages_content_of(user, discussion.author_id) or moderates(user, "forum")
    if not discussion.is_hidden:
        return True
    return manages_content_of(user, discussion.author_id) or is_moderator(user)


def can_reply(user: object, discussion: Discussion) -> bool:
    """Besides the comments plug-in's rules (confirmed members, open, seen): in a group, its
    members only."""
    return discussion.group is None or can_post_in_group(user, discussion.group)


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


def can_approve_discussion(user: object, discussion: Discussion) -> bool:
    """The forum's moderators (administrators, the creator) approve or reject a discussion
    waiting for approval (moderation/: Network.approval_required)."""
    return discussion.is_pending and moderates(user, "forum")


def takes_replies(discussion: Discussion) -> bool:
    """Whether the discussion takes new replies (comments.registry's is_open): not closed."""
    return not discussion.is_closed


def can_follow(user: object, discussion: Discussion) -> bool:
    """Members (confirmed or not: following writes nothing others read) who see it."""
    return is_member(user) and can_view_discussion(user, discussion)
