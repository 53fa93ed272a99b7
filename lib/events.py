"""What happened, told by the app where it happens to the apps above it that care.

A service that changes something members may want to hear of publishes an event: the
comment plug-in publishes `comments.added`, friends `friends.accepted`. Apps on higher layers
subscribe in their `AppConfig.ready()` — Latest Activity writes a stream entry,
notifications tell the people concerned, later search indexes and federation delivers —
without the publishing app importing any of them (the declared layers, docs/architecture.md).

Handlers run at once, inside the publisher's transaction: rows they write (an activity
entry, a notification) commit or roll back with the change itself. A handler that reaches
outside the database (email, a remote server) defers that to the commit, as lib.email's queue
does. A handler's error is the publisher's error: nothing half-written is left behind.

The events published today (`actor`: who did it; `target`: what the event is about):

| name | actor | target | data |
|---|---|---|---|
| `members.joined` | the member (email just confirmed) | the member | |
| `blogs.published` | the author | the post (published now, or by the scheduler) | |
| `comments.added` | the author | the comment | `on`: what it is on¹; `parent`: replied to² |
| `likes.added` | who liked | what they liked | |
| `friends.requested` | who asked | the member asked | |
| `friends.accepted` | who accepted | who had asked | |
| `friends.blocked` | who blocked | the member blocked | |
| `friends.unfriended` | who ended it | the other member | |
| `blogs.unpublished` | who made it a draft again | the post | |
| `blogs.edited` | who edited it (author, administrator) | the post, published before and after | |
| `blogs.hidden`, `blogs.shown` | the moderator | the post | |
| `blogs.deleted` | who deleted it (None: the system) | the post, before it goes | |
| `comments.deleted` | who deleted it (None: the system) | the comment (gone) | `on` |
| `comments.hidden`, `comments.shown` | the moderator | the comment | `on` |
| `likes.removed` | who unliked | what they had liked | |
| `messages.sent` | the writer | the message (its `thread`) | `recipients`: the others in it |
| `messages.broadcast` | the sender | the broadcast's message | `recipients`: one batch (≤ 500) |
| `forum.started` | the starter | the discussion | |
| `forum.hidden`, `forum.shown` | the moderator | the discussion | |
| `forum.deleted` | who deleted it (None: the system) | the discussion, before it goes | |
| `events.created` | the organiser | the event | |
| `events.hidden`, `events.shown` | the moderator | the event | |
| `events.deleted` | who deleted it | the event, before it goes | |
| `photos.added` | the owner | the photo (one event per photo of an upload) | |
| `photos.hidden`, `photos.shown` | the moderator | the photo | |
| `photos.deleted` | who deleted it | the photo, before it goes | |
| `videos.added` | the owner | the video | |
| `videos.hidden`, `videos.shown` | the moderator | the video | |
| `videos.deleted` | who deleted it | the video, before it goes | |
| `groups.created` | the member who made it | the group | |
| `groups.joined` | who joined (open join, approved, invitation accepted) | the group | |
| `groups.requested` | who asked to join | the group | |
| `groups.approved` | the group admin who approved | the group | `member`: who had asked |
| `groups.invited` | the group admin who invited | the group | `member`: who is invited |
| `groups.left` | who left | the group | |
| `groups.removed` | the group admin who removed them | the group | `member`: who was removed |
| `groups.hidden`, `groups.shown` | the moderator | the group | |
| `groups.deleted` | who deleted it (None: the system) | the group, before it goes | |

¹ A post, or a `walls.models.Wall` (kind "wall" in comments.registry; `on.member` is whose).
² The top-level comment a reply is stored under; None for a comment.

A post deleted, or a removed member's wall, takes its comments with it without a
`comments.deleted` for each (a comment deleted takes its replies, each with its own), and a member
removed (members.removal) takes everything of theirs: subscribers that keep rows about those
register a removal step or check that the target still exists when they read.

Later apps add theirs (`forum.started`…) and list them here.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Event:
    name: str
    actor: Any  # a members.Member (Any: lib sits below members)
    target: models.Model | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


Handler = Callable[[Event], None]

_handlers: dict[str, list[Handler]] = {}
# Set while a bulk job (the demo loader, the benchmark generator, later an import) writes: it
# makes what the events would (activity entries, notifications) itself, in bulk, and must not
# send a notification email per comment it writes.
_muted: ContextVar[bool] = ContextVar("events_muted", default=False)


def is_muted() -> bool:
    """Whether a bulk job is writing (inside muted()): subscribers that queue work per row
    (search's indexing) skip it, and the job does it once at its end."""
    return _muted.get()


@contextmanager
def muted() -> Iterator[None]:
    """Nothing published inside reaches the subscribers (see _muted)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def subscribe(name: str, handler: Handler) -> None:
    """Calls `handler(event)` for each event called `name` (from an AppConfig.ready())."""
    handlers = _handlers.setdefault(name, [])
    if handler not in handlers:
        handlers.append(handler)


def unsubscribe(name: str, handler: Handler) -> None:
    if handler in _handlers.get(name, []):
        _handlers[name].remove(handler)


def publish(name: str, *, actor: Any, target: models.Model | None = None, **data: Any) -> None:
    """Tells every subscriber of `name`, in the caller's transaction (see the module)."""
    handlers = _handlers.get(name)
    if not handlers or _muted.get():
        return
    event = Event(name=name, actor=actor, target=target, data=data)
    for handler in list(handlers):
        handler(event)


def subscribers(name: str) -> list[Handler]:
    """Who listens to `name` (for tests and docs/architecture.md)."""
    return list(_handlers.get(name, []))
