"""The videos app's part of the access matrix (tests/test_access_matrix.py).

The author owns the videos under test. Videos are public; one a moderator hid is its owner's
and moderators' only (404 for everyone else). Adding takes a confirmed email; editing is the
owner's and administrators'; deleting also moderators'; hiding moderators' only.
"""

from typing import Any

from django.utils import timezone

from tests.test_access_matrix import LOGIN, REDIRECT, World, confirm_then_act, row
from videos.models import Video

YT = "dQw4w9WgXcQ"

MATRIX = {
    "videos:list": row((200, 200)),
    "videos:member": row((200, 200)),
    "videos:video": row((200, 200)),
    "videos:video@hidden": row((404, 404), author=(200, 200), moderators=(200, 200)),
    # POST without an address: a form error (400).
    "videos:add": row((LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, 400)),
    "videos:edit": confirm_then_act("author", "administrator", "creator"),
    "videos:delete": confirm_then_act("author", "moderator", "administrator", "creator"),
    "videos:hide": confirm_then_act("moderator", "administrator", "creator"),
    "videos:unhide": confirm_then_act("moderator", "administrator", "creator"),
}


def _video(w: World, *, hidden: bool = False) -> Video:
    return Video.objects.create(
        owner=w.author,
        provider="youtube",
        video_id=YT,
        url=f"https://youtu.be/{YT}",
        title="Matrix video",
        hidden_at=timezone.now() if hidden else None,
    )


OBJECTS = {"video": _video, "hidden_video": lambda w: _video(w, hidden=True)}


def _pk(name: str) -> Any:
    return lambda w: {"pk": getattr(w, name).pk}


KWARGS = {
    "videos:member": lambda w: {"handle": w.author.handle},
    "videos:video": _pk("video"),
    "videos:video@hidden": _pk("hidden_video"),
    "videos:edit": _pk("video"),
    "videos:delete": _pk("video"),
    "videos:hide": _pk("video"),
    "videos:unhide": _pk("hidden_video"),
}

POST_DATA = {
    "videos:edit": lambda w: {"url": f"https://youtu.be/{YT}", "title": "Renamed"},
}
