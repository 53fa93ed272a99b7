"""The activity stream's line for photos added: "Ayesha added 5 photos." (activity/registry.py).

Each photo added writes an entry on its owner (Kind.on: the member); consecutive ones group
into one line, which counts them.
"""

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activity import registry
from activity.lines import _frame, _link  # the stream's own frame: avatar, sentence, time
from lib import events
from lib.urls import fast_reverse
from members.permissions import is_moderator, manages_content_of

from . import services
from .models import Photo


def _owner(event: events.Event) -> Any:
    return event.actor


def added(line: Any, network: Any) -> str:
    photo = line.target
    count = len(line.entries)
    values = {
        **_link(line.actor),
        "photo_url": escape(photo.get_absolute_url()),
        "photos_url": escape(fast_reverse("photos:member", line.actor.handle)),
    }
    if count == 1:
        sentence = (
            _('<a href="%(url)s">%(name)s</a> added <a href="%(photo_url)s">a photo</a>.') % values
        )
    else:
        sentence = ngettext(
            '<a href="%(url)s">%(name)s</a> added <a href="%(photos_url)s">%(counter)s photo</a>.',
            '<a href="%(url)s">%(name)s</a> added <a href="%(photos_url)s">%(counter)s photos</a>.',
            count,
        ) % {**values, "counter": count}
    thumb = format_html(
        '<a href="{}"><img src="{}" alt="{}" dir="auto" width="60" height="60" loading="lazy"></a>',
        photo.get_absolute_url(),
        photo.thumb.url,
        photo.title,
    )
    return _frame(line, sentence + " " + thumb)


def _visible(viewer: object, entry: Any, target: Any, on: Any) -> bool:
    if target.hidden_at is None:
        return True
    return manages_content_of(viewer, target.owner_id) or is_moderator(viewer)


ADDED = registry.Kind(
    event=services.ADDED,
    render=added,
    on=_owner,
    owner=lambda event: event.actor.pk,
    can_view=_visible,
    group=True,
    once=True,
    removed_by=(services.DELETED,),
    hidden_by=(services.HIDDEN,),
    shown_by=(services.SHOWN,),
    history=lambda: _added_history(),
)


def register_all() -> None:
    registry.register(ADDED)


def _added_history() -> Iterator[tuple[Any, Photo, datetime]]:
    """Each photo added so far (activity.registry.Kind.history)."""
    for photo in Photo.objects.approved().select_related("owner").order_by("created_at", "id"):
        yield photo.owner, photo, photo.created_at
