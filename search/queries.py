"""Searching: the index's rows that hold every word of a query and that the viewer may see,
best first."""

import datetime as dt
import functools
import operator
from collections.abc import Collection

from django.db.models import Exists, OuterRef, Q, QuerySet

from friends.queries import hidden_member_ids

from . import registry
from .backends import backend
from .kinds import COMMENT, commented_kinds, comments_on
from .models import Entry
from .registry import Searchable

MAX_QUERY_CHARS = 200


def searchable_kinds(off: Collection[str] = ()) -> list[Searchable]:
    """The kinds searched, without those of switched-off features (features/: their keys
    are the comment and like kinds, which the content apps' search kinds share)."""
    return [kind for kind in registry.kinds() if kind.key not in off]


def _visible(kind: Searchable, viewer: object, off: Collection[str]) -> Q:
    if kind is COMMENT and off:
        # Comments on things of a switched-off feature are not found either.
        on = [k for k in commented_kinds() if k.key not in off]
        seen = Exists(comments_on(on, viewer).filter(pk=OuterRef("object_id")))
        return Q(kind=kind.key) & Q(seen)
    return kind.visible(viewer)


def search(
    viewer: object,
    words: list[str],
    *,
    kind: Searchable | None = None,
    author_id: int | None = None,
    since: dt.datetime | None = None,
    off: Collection[str] = (),
) -> QuerySet[Entry]:
    """What `viewer` may see holding every one of `words` (search.text.words), best first:
    of one kind or all, by one author, since a date. Members blocked either way, and what
    they wrote, are left out."""
    kinds = [kind] if kind is not None else searchable_kinds(off)
    kinds = [k for k in kinds if k.key not in off]
    if not words or not kinds:
        return Entry.objects.none()
    visible = functools.reduce(operator.or_, (_visible(k, viewer, off) for k in kinds))
    entries = Entry.objects.filter(visible)
    hidden = hidden_member_ids(viewer)
    if hidden:
        entries = entries.exclude(author_id__in=hidden)
    if author_id is not None:
        entries = entries.filter(author_id=author_id)
    if since is not None:
        entries = entries.filter(date__gte=since)
    return (
        backend()
        .match(entries, words)
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
