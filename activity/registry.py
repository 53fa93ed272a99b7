"""The kinds of entry Latest Activity shows, each registered by an app in its AppConfig.ready().

A kind is written from one event of lib/events.py: registering it subscribes the stream to that
event, so an app adds its activity ("Ayesha started the discussion …", "… added 3 photos")
without a change to the stream's code:

    from activity import registry

    registry.register(registry.Kind(
        event="forum.started",
        template="forum/_activity_started.html",   # {{ line }}: activity.queries.Line; or
                                                   # render=f: f(line, network) -> escaped HTML
        removed_by=("forum.deleted",),             # its target gone: the entry goes too
        hidden_by=("forum.hidden",), shown_by=("forum.shown",),
        can_view=lambda viewer, entry, target, on: can_view_discussion(viewer, target),
    ))

Where something happened, when that place has a stream of its own (a group's activity), is
said once per model by the app that has such things, also in its ready():

    registry.register_place(Group, lambda group: group)            # its joins, its wall
    registry.register_place(Discussion, lambda d: d.group)         # None: in no group

(A stand-in of the place's model with its pk is enough, `Group(pk=d.group_id)`: only its
model and pk are stored, and it saves reading the row on each comment.)

An entry's place is then where what it is `on` is (a reply on a group's discussion, a comment
on its wall, a discussion started in it): no kind changes for it. A kind may say otherwise
with `place`.

When the stream is read, an entry shows only if its target (and what it is `on`) still exists,
the viewer may see what it is on (the comments registry's `can_view`, for what takes comments),
the kind's own `can_view` agrees (later: private groups), and neither its actor, subject nor
owner is blocked by the viewer or blocking them.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models

from lib import events

if TYPE_CHECKING:
    from .models import Entry


def _target(event: events.Event) -> models.Model | None:
    return event.target


def _nobody(event: events.Event) -> Any:
    return None


def _everyone(
    viewer: object, entry: "Entry", target: models.Model, on: models.Model | None
) -> bool:
    return True


def _always(event: events.Event) -> bool:
    return True


@dataclass(frozen=True)
class Kind:
    # The event an entry is written from; also the entry's `kind`.
    event: str
    # Renders one line of the stream; its context has `line` (activity.queries.Line) and
    # `network`. Or `render(line, network)`, which returns the line's HTML, escaped.
    template: str = ""
    render: Callable[[Any, Any], str] | None = None
    # What the entry happened on: what its line links to, groups by, and must stay visible.
    on: Callable[[events.Event], models.Model | None] = _target
    # The other member it concerns (a Member, their id, or None): their page shows it too.
    subject: Callable[[events.Event], Any] = _nobody
    # Whose content it is on (a member id or None): their blocks hide it, their removal ends it.
    owner: Callable[[events.Event], int | None] = _nobody
    # Whether this event is worth an entry at all.
    records: Callable[[events.Event], bool] = _always
    # Who may see an entry, beyond the checks every entry gets (see the module).
    can_view: Callable[[object, "Entry", models.Model, models.Model | None], bool] = _everyone
    # Consecutive entries of this kind on the same `on` within GROUP_WINDOW make one line:
    # "Ayesha and 3 others commented on …".
    group: bool = False
    # Whether each event is about a target that is new (a comment is added once): its entry is
    # written without looking for an earlier one to bring back (a post published again).
    once: bool = False
    # The cache tags of what a line shows of `on` (its title), beyond the entry itself.
    tags: Callable[[models.Model | None], Sequence[str]] = field(default=lambda on: ())
    # Events about the target (event.target) that take this kind's entries about it out of the
    # stream: deleted (they go, and so do entries of any kind on it: a post's comments), hidden
    # and shown again (they leave the stream and come back).
    removed_by: tuple[str, ...] = ()
    hidden_by: tuple[str, ...] = ()
    shown_by: tuple[str, ...] = ()
    # Where it happened (a group): whose place stream shows it. None: where `on` is
    # (place_of), which is what most kinds want.
    place: Callable[[events.Event], models.Model | None] | None = None
    # What already happened, for a stream made afresh from the data (the demo loader, whose
    # events are muted): (actor, target, when) for each event this kind would have heard.
    history: Callable[[], Iterable[tuple[Any, models.Model, datetime]]] | None = None


_kinds: dict[str, Kind] = {}
_places: dict[type[models.Model], Callable[[Any], models.Model | None]] = {}


def register_place(model: type[models.Model], where: Callable[[Any], models.Model | None]) -> None:
    """Entries on a `model` happened where `where(obj)` says (a group), or nowhere (None)."""
    _places[model] = where


def place_models() -> frozenset[type[models.Model]]:
    return frozenset(_places)


def place_of(obj: object) -> models.Model | None:
    """Where `obj` is, as its model's registration says; None if it says nothing."""
    if not isinstance(obj, models.Model):
        return None
    where = _places.get(type(obj))
    if where is None:
        return None
    place = where(obj)
    return place if isinstance(place, models.Model) and place.pk is not None else None


def register(kind: Kind) -> None:
    """Adds a kind, and subscribes the stream to the events that write and withdraw it."""
    from . import services

    _kinds[kind.event] = kind
    events.subscribe(kind.event, services.record)
    for name in kind.removed_by:
        events.subscribe(name, services.remove_about)
    for name in kind.hidden_by:
        events.subscribe(name, services.hide_about)
    for name in kind.shown_by:
        events.subscribe(name, services.show_about)


def unregister(kind: Kind) -> None:
    """Stops writing `kind` (its entries no longer show). Its withdrawal events stay heard:
    other kinds may share them."""
    from . import services

    if _kinds.get(kind.event) is kind:
        del _kinds[kind.event]
        events.unsubscribe(kind.event, services.record)


def get(name: str) -> Kind | None:
    """The kind of an entry, or None if no app registers it any more (its entries don't show)."""
    return _kinds.get(name)


def kinds() -> list[Kind]:
    return list(_kinds.values())


def withdrawn_by(event: str, how: str) -> list[str]:
    """The kinds whose entries `event` takes away about its target: `how` is "removed_by",
    "hidden_by" or "shown_by"."""
    return [kind.event for kind in _kinds.values() if event in getattr(kind, how)]
