"""The activity stream's line for a video added (activity/registry.py)."""

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.utils.html import escape
from django.utils.translation import gettext as _

from activity import registry
from activity.lines import _frame, _link  # the stream's own frame: avatar, sentence, time
from members.models import Member
from members.permissions import is_moderator, manages_content_of
from members.templatetags.anjuman import bdi

from . import services
from .models import Video


def added(line: Any, network: Any) -> str:
    video = line.target
    sentence = _(
        '<a href="%(url)s">%(name)s</a> added the video <a href="%(video_url)s">%(title)s</a>.'
    ) % {
        **_link(line.actor),
        "video_url": escape(video.get_absolute_url()),
        "title": bdi(video.title),
    }
    return _frame(line, sentence)


def _visible(viewer: object, entry: Any, target: Any, on: Any) -> bool:
    if target.hidden_at is None:
        return True
    return manages_content_of(viewer, target.owner_id) or is_moderator(viewer)


def _owner(event: Any) -> int | None:
    return event.actor.pk if isinstance(event.actor, Member) else None


ADDED = registry.Kind(
    event=services.ADDED,
    render=added,
    owner=_owner,
    can_view=_visible,
    once=True,
    tags=lambda on: ["video-lists"],
    removed_by=(services.DELETED,),
    hidden_by=(services.HIDDEN,),
    shown_by=(services.SHOWN,),
    history=lambda: _added_history(),
)


def register_all() -> None:
    registry.register(ADDED)


def _added_history() -> Iterator[tuple[Any, Video, datetime]]:
    """Each video added so far (activity.registry.Kind.history)."""
    for video in Video.objects.select_related("owner").order_by("created_at", "id"):
        yield video.owner, video, video.created_at
