"""Who may see and do what with videos; docs/permissions.md has the whole matrix (rows in
/tmp/photos-integration.md)."""

from members.permissions import can_contribute, is_moderator, manages_content_of

from .models import Video


def can_add_videos(user: object) -> bool:
    return can_contribute(user)


def can_view_video(user: object, video: Video) -> bool:
    """Everyone, unless a moderator hid it: then its owner, moderators and administrators."""
    if not video.is_hidden:
        return True
    return manages_content_of(user, video.owner_id) or is_moderator(user)


def can_edit_video(user: object, video: Video) -> bool:
    """The owner and administrators (title, description, address)."""
    return manages_content_of(user, video.owner_id)


def can_delete_video(user: object, video: Video) -> bool:
    return can_edit_video(user, video) or is_moderator(user)


def can_hide_video(user: object, video: Video) -> bool:
    return is_moderator(user)
