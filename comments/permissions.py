"""Who may comment, and delete or hide comments. docs/permissions.md has the whole matrix."""

from django.db import models

from members.permissions import can_contribute, is_member, is_moderator, manages_content_of

from . import registry
from .models import Comment


def can_comment(user: object, target: models.Model) -> bool:
    """Confirmed members, on what they may see and what takes comments."""
    commentable = registry.for_target(target)
    return (
        can_contribute(user) and commentable.is_open(target) and commentable.can_view(user, target)
    )


def can_delete_all_comments(user: object, target: models.Model) -> bool:
    """The author of what the comments are on, administrators and moderators."""
    author_id = registry.for_target(target).author_id(target)
    return manages_content_of(user, author_id) or is_moderator(user)


def can_delete_comment(user: object, comment: Comment, target: models.Model) -> bool:
    """The comment's author, and those who may delete all comments on its target."""
    own = is_member(user) and user.pk == comment.author_id
    return own or can_delete_all_comments(user, target)


def can_moderate_comments(user: object) -> bool:
    """Moderators see hidden comments, hide them and show them again."""
    return is_moderator(user)
