"""Who may see and do what in the forum. Views, templates (through the views), services and
the comments plug-in (the registration in apps.py) all ask here; docs/permissions.md has the
matrix. Discussions follow the blog rules: the author edits (and administrators), the author,
moderators and administrators delete, moderators hide; moderators also pin and close."""

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


def can_start_discussion(user: object) -> bool:
    """Members who confirmed their email."""
    return can_contribute(user)


def can_view_discussion(user: object, discussion: Discussion) -> bool:
    """Not hidden: everyone. Hidden: its author, moderators and administrators
    (Discussion.objects.visible_to says the same for lists)."""
    if not discussion.is_hidden:
        return True
    return manages_content_of(user, discussion.author_id) or is_moderator(user)


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
