"""The photos app's part of the access matrix (tests/test_access_matrix.py).

The author owns the photos and the album under test. Photos and albums are public; a photo a
moderator hid is its owner's and moderators' only (404 for everyone else). Uploading and making
albums takes a confirmed email; editing is the owner's and administrators'; deleting also
moderators'; hiding moderators' only. The rows' files are not made (no page reads them).
"""

from typing import Any

from django.utils import timezone

from photos.models import Album, Photo
from tests.test_access_matrix import LOGIN, REDIRECT, World, confirm_then_act, row

PUBLIC = row((200, 200))
HIDDEN = row((404, 404), author=(200, 200), moderators=(200, 200))
CONTRIBUTORS = row((LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, 400))

MATRIX = {
    "photos:list": PUBLIC,
    "photos:member": PUBLIC,
    "photos:album": PUBLIC,
    "photos:photo": PUBLIC,
    "photos:photo@hidden": HIDDEN,
    "photos:slideshow": PUBLIC,
    "photos:slideshow@hidden": HIDDEN,
    # POST without a file: "Please choose at least one photo." (400); an empty title likewise.
    "photos:upload": CONTRIBUTORS,
    "photos:album_create": CONTRIBUTORS,
    "photos:edit": confirm_then_act("author", "administrator", "creator"),
    "photos:delete": confirm_then_act("author", "moderator", "administrator", "creator"),
    "photos:delete@hidden": confirm_then_act(
        "author", "moderator", "administrator", "creator", refused=(404, 404)
    ),
    "photos:hide": confirm_then_act("moderator", "administrator", "creator"),
    "photos:unhide": confirm_then_act("moderator", "administrator", "creator"),
    "photos:album_edit": confirm_then_act("author", "administrator", "creator"),
    "photos:album_delete": confirm_then_act("author", "moderator", "administrator", "creator"),
}


def _photo(w: World, *, hidden: bool = False) -> Photo:
    return Photo.objects.create(
        owner=w.author,
        image="photos/large/matrix.jpg",
        thumb="photos/thumbs/matrix.jpg",
        width=64,
        height=48,
        caption="Matrix photo",
        hidden_at=timezone.now() if hidden else None,
    )


def _album(w: World) -> Album:
    album = Album.objects.create(owner=w.author, title="Matrix album")
    Photo.objects.filter(pk=w.photo.pk).update(album=album)
    return album


OBJECTS = {
    "photo": _photo,
    "hidden_photo": lambda w: _photo(w, hidden=True),
    "album": _album,
}


def _pk(name: str) -> Any:
    return lambda w: {"pk": getattr(w, name).pk}


KWARGS = {
    "photos:member": lambda w: {"handle": w.author.handle},
    "photos:album": _pk("album"),
    "photos:photo": _pk("photo"),
    "photos:photo@hidden": _pk("hidden_photo"),
    "photos:slideshow": _pk("photo"),
    "photos:slideshow@hidden": _pk("hidden_photo"),
    "photos:edit": _pk("photo"),
    "photos:delete": _pk("photo"),
    "photos:delete@hidden": _pk("hidden_photo"),
    "photos:hide": _pk("photo"),
    "photos:unhide": _pk("hidden_photo"),
    "photos:album_edit": _pk("album"),
    "photos:album_delete": _pk("album"),
}

POST_DATA = {
    "photos:album_edit": lambda w: {"title": "Renamed album"},
}
