"""Who may see and do what with photos and albums. Views, templates (through the views) and
services ask here; docs/permissions.md has the whole matrix (rows in /tmp/photos-integration.md).
"""

from members.permissions import can_contribute, is_moderator, manages_content_of, moderates

from .models import Album, Photo


def can_add_photos(user: object) -> bool:
    """Members who confirmed their email upload photos and make albums."""
    return can_contribute(user)


def can_view_photo(user: object, photo: Photo) -> bool:
    """Everyone, unless a moderator hid it: then its owner, moderators and administrators."""
    if photo.is_pending:
        return manages_content_of(user, photo.owner_id) or moderates(user, "photos")
    if not photo.is_hidden:
        return True
    return manages_content_of(user, photo.owner_id) or is_moderator(user)


def can_edit_photo(user: object, photo: Photo) -> bool:
    """The owner (caption, album) and administrators."""
    return manages_content_of(user, photo.owner_id)


def can_delete_photo(user: object, photo: Photo) -> bool:
    """The owner, administrators and moderators."""
    return can_edit_photo(user, photo) or is_moderator(user)


def can_hide_photo(user: object, photo: Photo) -> bool:
    """Moderators (and administrators, the creator) hide a photo and show it again."""
    return is_moderator(user)


def can_edit_album(user: object, album: Album) -> bool:
    """The owner and administrators rename an album."""
    return manages_content_of(user, album.owner_id)


def can_delete_album(user: object, album: Album) -> bool:
    """The owner, administrators and moderators (its photos stay, outside any album)."""
    return can_edit_album(user, album) or is_moderator(user)


def can_approve_photo(user: object, photo: Photo) -> bool:
    """The photos' moderators (administrators, the creator) approve or reject a photo waiting
    for approval (moderation/: Network.approval_required)."""
    return photo.is_pending and moderates(user, "photos")
