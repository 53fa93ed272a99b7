"""The tags app's part of the access matrix (tests/test_access_matrix.py).

Everyone opens the tag cloud and a tag's page (what they list is each viewer's:
tags/tests/test_tags.py); they only read, so a POST is refused (405). A tag no item has is
404 (test_tags.py)."""

from django.utils import timezone

from tags.models import Tag
from tags.services import set_tags
from tests.test_access_matrix import World, row
from videos.models import Video


def _tagged(w: World) -> Tag:
    video = Video.objects.create(
        owner=w.author,
        provider="youtube",
        video_id="dQw4w9WgXcQ",
        url="https://youtu.be/dQw4w9WgXcQ",
        title="Tagged video",
        created_at=timezone.now(),
    )
    set_tags(video, ["Karachi"])
    return Tag.objects.get(key="karachi")


MATRIX = {
    "tags:cloud": row((200, 405)),
    "tags:tag": row((200, 405)),
    # A blog post's own tag (blogs.Tag) has the page too.
    "tags:tag@post": row((200, 405)),
}

KWARGS = {
    "tags:tag": lambda w: {"key": w.video_tag.key},
    "tags:tag@post": lambda w: {"key": w.post.tags.get().key},
}

OBJECTS = {"video_tag": _tagged}
