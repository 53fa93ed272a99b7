"""Searching: the index's rows that hold every word of a query and that the viewer may see,
best first."""

import datetime as dt
import functools
import operator
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from friends.queries import hidden_member_ids

from . import registry
from .backends import backend
from .kinds import COMMENT, commented_kinds, comments_on
from .models import Entry
from .registry import Searchable

MAX_QUERY_CHARS = 200
# How many of the newest entries holding a query's words are weighed (search()): each costs
# a primary-key lookup in its kind's table (on SQLite, a post's row with its long body: ~0.1 ms
# each), so this bounds a search at a few tens of milliseconds at any size of network.
MAX_CANDIDATES = 300


def searchable_kinds(off: Collection[str] = ()) -> list[Searchable]:
    """The kinds searched, without those of switched-off features (features/: their keys
    are the comment and like kinds, which the content apps' search kinds share)."""
    return [kind for kind in registry.kinds() if kind.key not in off]


def _visible(kind: Searchable, viewer: object, off: Collection[str], ids: list[int]) -> Q:
    # Each kind's branch names its own candidates (the ids are of this kind: the candidates'
    # query read their kind): SQLite then reads each branch by primary key. Naming the kind as
    # well would make it walk every entry of the kind (Searchable.visible_rows).
    return Q(pk__in=ids) & _kind_visible(kind, viewer, off)


def _kind_visible(kind: Searchable, viewer: object, off: Collection[str]) -> Q:
    if kind is COMMENT and off:
        # Comments on things of a switched-off feature are not found either.
        on = [k for k in commented_kinds() if k.key not in off]
        return Q(Exists(comments_on(on, viewer).filter(pk=OuterRef("object_id"))))
    return kind.visible_rows(viewer)


@dataclass(frozen=True)
class Found:
    # The index rows found and visible, best first.
    ids: list[int]
    # More entries held the words than were weighed (MAX_CANDIDATES): the newest were.
    capped: bool


def search(
    viewer: object,
    words: list[str],
    *,
    kind: Searchable | None = None,
    author_id: int | None = None,
    since: dt.datetime | None = None,
    off: Collection[str] = (),
) -> Found:
    """What `viewer` may see holding every one of `words` (search.text.words), best first:
    of one kind or all, by one author, since a date. Members blocked either way, and what
    they wrote, are left out.

    Three steps, each bounded whatever the size of the network: the full-text engine gives
    the newest MAX_CANDIDATES entries holding the words, with their scores; one query keeps
    those the viewer may see (each kind's own privacy, a primary-key lookup per entry) and
    the filters keep; they are ordered by score here. A word found in a hundred thousand
    posts costs what a word found in a thousand does; more words narrow it."""
    kinds = [kind] if kind is not None else searchable_kinds(off)
    kinds = [k for k in kinds if k.key not in off]
    if not words or not kinds:
        return Found([], capped=False)
    candidates = backend().candidates(words, MAX_CANDIDATES)
    if not candidates:
        return Found([], capped=False)
    scores = {pk: score for pk, score, _kind in candidates}
    by_kind: dict[str, list[int]] = {}
    for pk, _score, key in candidates:
        by_kind.setdefault(key, []).append(pk)
    branches = [_visible(k, viewer, off, by_kind[k.key]) for k in kinds if k.key in by_kind]
    if not branches:
        return Found([], capped=len(candidates) >= MAX_CANDIDATES)
    entries = Entry.objects.filter(functools.reduce(operator.or_, branches))
    hidden = hidden_member_ids(viewer)
    if hidden:
        entries = entries.exclude(author_id__in=hidden)
    if author_id is not None:
        entries = entries.filter(author_id=author_id)
    if since is not None:
        entries = entries.filter(date__gte=since)
    # Newest first from the database (its own order of dates, without making 300 datetimes
    # here), then by score: equal scores stay newest first.
    kept = list(entries.order_by("-date", "-pk").values_list("pk", flat=True))
    newest = {pk: place for place, pk in enumerate(kept)}
    kept.sort(key=lambda pk: (-scores[pk], newest[pk]))
    return Found(kept, capped=len(candidates) >= MAX_CANDIDATES)


def entries(ids: list[int]) -> list[Entry]:
    """The index rows `ids` (a page of results), in that order, with their authors' names."""
    rows = (
        Entry.objects.filter(pk__in=ids)
        .select_related("author")
        .only(
            "kind",
            "object_id",
            "date",
            "title",
            "context",
            "body",
            "url",
            "author__display_name",
            "author__handle",
            "author__left_at",
            "author__is_active",
        )
    )
    by_id = {row.pk: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]
