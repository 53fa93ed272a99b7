"""Who may see and do what with blog posts. Views, templates (through the views), services
and the admin all ask here; docs/permissions.md has the whole matrix."""

from members.permissions import (
    can_contribute,
    is_admin,
    is_moderator,
    manages_content_of,
    moderates,
)

from .models import Post


def can_write_posts(user: object) -> bool:
    return can_contribute(user)


def can_view_post(user: object, post: Post) -> bool:
    """Published and not hidden: everyone. Otherwise the author and administrators; a hidden
    published post also moderators, a post awaiting approval the blogs' moderators
    (Post.objects.visible_to says the same for lists)."""
    if post.is_published and not post.is_hidden:
        return True
    if manages_content_of(user, post.author_id):
        return True
    if post.is_pending:
        return moderates(user, "blogs")
    return post.is_published and is_moderator(user)


def can_edit_post(user: object, post: Post) -> bool:
    """The author and administrators."""
    return manages_content_of(user, post.author_id)


def can_delete_post(user: object, post: Post) -> bool:
    """The author and administrators; moderators delete published posts of others."""
    return can_edit_post(user, post) or (post.is_published and is_moderator(user))


def can_hide_post(user: object, post: Post) -> bool:
    """Moderators (and administrators, the creator) hide and show again published posts."""
    return post.is_published and is_moderator(user)


def can_feature_post(user: object, post: Post) -> bool:
    """Administrators (and the creator) feature published posts."""
    return post.is_published and is_admin(user)


def can_approve_post(user: object, post: Post) -> bool:
    """The blogs' moderators (administrators, the creator) approve or reject a post awaiting
    approval (moderation/: Network.approval_required)."""
    return post.is_pending and moderates(user, "blogs")
