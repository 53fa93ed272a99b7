"""Every write of Latest Activity: entries made and withdrawn as other apps' events come in.

The handlers run inside the publisher's transaction (lib/events.py), so an entry commits or
rolls back with the post, comment or friendship it tells of. Each write invalidates the
network's stream and the pages of the members the entries show on (models.entry_tags).

Nobody writes entries by hand: there is no form and no `by` to check. What a member may see is
decided when the stream is read (queries.py), because it depends on the viewer.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from lib import events
from lib.cachetags import invalidate
from members.models import Member

from . import registry
from .models import Entry, entry_tags, place_tag

FRIENDS_ACCEPTED = "friends.accepted"


def _type(obj: models.Model) -> ContentType:
    return ContentType.objects.get_for_model(obj)


def _pk(member: object) -> int | None:
    return member.pk if isinstance(member, Member) else None


def record(event: events.Event) -> None:
    """Writes the entry for `event` (a registered kind's event): the events' handler."""
    write(event)


def write(event: events.Event) -> Entry | None:
    """Writes the entry for `event` (a registered kind's event) and returns it (None if the
    event is worth none, or brought an earlier entry back).

    A post published again after it was made a draft finds its entry and brings it back
    (at its first time: publishing and unpublishing cannot push a post to the top).
    """
    kind = registry.get(event.name)
    if kind is None or event.target is None or not isinstance(event.actor, Member):
        return None
    if not kind.records(event):
        return None
    target_type = _type(event.target)
    if not kind.once:
        earlier = Entry.objects.filter(
            kind=kind.event,
            actor=event.actor,
            target_type=target_type,
            target_id=event.target.pk,
        )
        if earlier.filter(hidden=True).update(hidden=False):
            _changed(earlier)
            return None
        if earlier.exists():
            return None  # told twice (a double publish): one entry
    on = kind.on(event)
    place = kind.place(event) if kind.place is not None else registry.place_of(on)
    subject = kind.subject(event)
    entry = Entry.objects.create(
        kind=kind.event,
        actor=event.actor,
        subject_id=subject.pk if isinstance(subject, Member) else subject,
        owner_id=kind.owner(event),
        target_type=target_type,
        target_id=event.target.pk,
        on_type=_type(on) if on is not None else None,
        on_id=on.pk if on is not None else None,
        place_type=_type(place) if place is not None else None,
        place_id=place.pk if place is not None else None,
        created_at=timezone.now(),
    )
    invalidate(*entry.cache_tags())
    return entry


def _about(target: models.Model, kinds: list[str], *, on_too: bool) -> "models.QuerySet[Entry]":
    """Entries of these kinds about `target`, and (on_too) entries of any kind on it."""
    target_type = _type(target)
    about = Q(target_type=target_type, target_id=target.pk, kind__in=kinds)
    if on_too:
        about |= Q(on_type=target_type, on_id=target.pk)
    return Entry.objects.filter(about)


# What a change to entries invalidates: (actor, subject, place type, place id).
_WHOSE = ("actor_id", "subject_id", "place_type_id", "place_id")


def _whose(entries: "models.QuerySet[Entry]") -> list[tuple[int | None, ...]]:
    return list(entries.values_list(*_WHOSE))


def _changed(
    entries: "models.QuerySet[Entry] | Iterable[tuple[int | None, ...]]",
) -> None:
    """Invalidates the stream, the pages of these entries' members and their places' streams.
    `entries`: a query (read here), or rows of _WHOSE read before they were deleted."""
    rows = _whose(entries) if isinstance(entries, models.QuerySet) else list(entries)
    members = (pk for actor, subject, *_place in rows for pk in (actor, subject))
    places = {
        place_tag(type_id, pk)
        for _actor, _subject, type_id, pk in rows
        if type_id is not None and pk is not None
    }
    invalidate(*entry_tags(*members), *sorted(places))


def remove_about(event: events.Event) -> None:
    """The target is gone (deleted): its entries, and those of what was on it, go too."""
    if event.target is None or event.target.pk is None:
        return
    entries = _about(event.target, registry.withdrawn_by(event.name, "removed_by"), on_too=True)
    members = _whose(entries)
    if members:
        entries.delete()
        _changed(members)


def hide_about(event: events.Event) -> None:
    """The target is out of sight (a draft again, hidden): its entries leave the stream."""
    _set_hidden(event, registry.withdrawn_by(event.name, "hidden_by"), True)


def show_about(event: events.Event) -> None:
    _set_hidden(event, registry.withdrawn_by(event.name, "shown_by"), False)


def _set_hidden(event: events.Event, kinds: list[str], hidden: bool) -> None:
    if event.target is None:
        return
    about = _about(event.target, kinds, on_too=False)
    about.filter(hidden=not hidden).update(hidden=hidden)
    # The pages of those who commented on it change too: their lines about it come and go
    # with it (queries.py asks whether the viewer may see what an entry is on).
    on = _about(event.target, kinds, on_too=True)
    members = _whose(on)
    if members:
        _changed(members)


def forget_friendship(event: events.Event) -> None:
    """Two members are no longer friends (unfriended, or one blocked the other): the stream
    stops saying they became friends. It tells of what is, and a friendship that ended would
    read as one that lasts."""
    a, b = _pk(event.actor), _pk(event.target)
    if a is None or b is None:
        return
    entries = Entry.objects.filter(
        Q(actor_id=a, subject_id=b) | Q(actor_id=b, subject_id=a), kind=FRIENDS_ACCEPTED
    )
    if entries.delete()[0]:
        _changed([(a, b, None, None)])


def remove_entries_of(member: Member) -> None:
    """A members.removal step, inside the transaction that removes the member: their entries,
    those about them (friends, their wall) and those on their content (comments on their
    posts) go. The foreign keys would cascade too; this names the pages that change."""
    entries = Entry.objects.filter(Q(actor=member) | Q(subject=member) | Q(owner=member))
    members = _whose(entries)
    entries.delete()
    _changed([*members, (member.pk, None, None, None)])


def forget_former_member(member: Member) -> None:
    """A leaving step (members.removal.register_leaving): the member leaves and their posts
    and comments stay, as by "a former member". What they did and what concerned them (their
    joining, friendships, lines on their wall) goes; lines of others on their content stay,
    as that content does."""
    entries = Entry.objects.filter(Q(actor=member) | Q(subject=member))
    members = _whose(entries)
    entries.delete()
    _changed([*members, (member.pk, None, None, None)])
