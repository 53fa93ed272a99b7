"""Who may comment and reply, and delete or hide comments. docs/permissions.md has the whole
matrix."""

from collections.abc import Collection

from django.db import models

from members.permissions import (
    can_contribute,
    is_member,
    is_moderator,
    manages_content_of,
    moderates,
)

from . import registry
from .models import Comment


def hidden_authors(user: object, target: models.Model) -> Collection[int]:
    """Members whose comments `user` does not see on `target` (registry.Commentable)."""
    return registry.for_target(target).hidden_authors(user, target)


def can_comment(user: object, target: models.Model, hidden: Collection[int] | None = None) -> bool:
    """Confirmed members, on what they may see and what takes comments, if its registration
    lets them write there (a group's members) — unless the target is someone's hidden from
    them (a wall between members who blocked one another).
    `hidden`: hidden_authors(user, target), if the caller has it already."""
    commentable = registry.for_target(target)
    if not (
        can_contribute(user)
        and commentable.is_open(target)
        and commentable.can_view(user, target)
        and commentable.can_write(user, target)
    ):
        return False
    if hidden is None:
        hidden = commentable.hidden_authors(user, target)
    return commentable.author_id(target) not in hidden


def can_see_comment(user: object, comment: Comment, target: models.Model) -> bool:
    """A comment shows to those who see its target, unless it is hidden (moderators see those)
    or its author is hidden from them (registry.Commentable.hidden_authors)."""
    if comment.is_hidden and not can_moderate_comments(user):
        return False
    if comment.is_pending and not (
        (is_member(user) and user.pk == comment.author_id) or can_approve_comments(user)
    ):
        return False
    return comment.author_id not in hidden_authors(user, target)


def can_reply(
    user: object, parent: Comment, target: models.Model, hidden: Collection[int] | None = None
) -> bool:
    """Those who may comment on the target reply to a comment shown there, hidden ones aside."""
    if hidden is None:
        hidden = hidden_authors(user, target)
    return (
        not parent.is_hidden
        and not parent.is_pending
        and parent.author_id not in hidden
        and can_comment(user, target, hidden)
    )


def can_delete_all_comments(user: object, target: models.Model) -> bool:
    """Whose the target is (a post's author, a wall's member), administrators and moderators,
    and whom its registration names (registry.Commentable.can_delete_all: a group's
    administrators)."""
    commentable = registry.for_target(target)
    return (
        manages_content_of(user, commentable.author_id(target))
        or is_moderator(user)
        or (is_member(user) and commentable.can_delete_all(user, target))
    )


def can_delete_comment(user: object, comment: Comment, target: models.Model) -> bool:
    """The comment's author, and those who may delete all comments on its target."""
    own = is_member(user) and user.pk == comment.author_id
    return own or can_delete_all_comments(user, target)


def can_moderate_comments(user: object) -> bool:
    """Moderators see hidden comments, hide them and show them again."""
    return is_moderator(user)


def can_approve_comments(user: object) -> bool:
    """The comments' moderators (administrators, the creator) see comments waiting for
    approval, and approve or reject them (Network.approval_required "comments")."""
    return moderates(user, "comments")
