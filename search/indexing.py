"""Keeping the index current: each save or deletion of a searchable row queues its
reindexing (a task, queued with the change itself: lib/tasks.py); `rebuild()` makes the whole
index again (`manage.py reindex`, the demo, the benchmark's data).

Bulk jobs (the demo loader, the benchmark generator, an import) write thousands of rows with
lib.events muted, or inside `paused()`: nothing is queued per row, and the job rebuilds the
index once at its end.
"""

import heapq
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import batched
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.tasks import task

from lib import events
from lib.cachetags import invalidate
from lib.datagen import Progress
from lib.tasks import enqueue_with_change

from . import registry
from .backends import backend
from .models import SEARCH_TAG, Entry
from .registry import Searchable
from .text import squeeze

BATCH = 500

_paused: ContextVar[bool] = ContextVar("search_paused", default=False)


@contextmanager
def paused() -> Iterator[None]:
    """Saves and deletions inside queue no reindexing (the caller rebuilds afterwards)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def quiet() -> bool:
    """Whether a bulk job is writing: nothing is queued per row."""
    # lib.events' bulk-job flag (the demo and the benchmark write with events muted).
    return _paused.get() or events.is_muted()


def entries_for(kind: Searchable, obj: Any) -> list[Entry]:
    return [
        Entry(
            kind=kind.key,
            object_id=obj.pk,
            audience=doc.audience,
            author_id=kind.author_id(obj),
            date=kind.date(obj),
            title=squeeze(doc.title, 300),
            context=squeeze(doc.context, 300),
            body=squeeze(doc.body),
            url=kind.url(obj)[:600],
        )
        for doc in kind.documents_of(obj)
    ]


def index(kind: Searchable, pks: Iterable[int]) -> None:
    """The index made current for these rows of `kind`: rows that exist (re)indexed, rows that
    are gone forgotten."""
    pks = sorted(set(pks))
    if not pks:
        return
    engine = backend()
    with transaction.atomic():
        old = list(
            Entry.objects.filter(kind=kind.key, object_id__in=pks).values_list("pk", flat=True)
        )
        engine.forget(old)
        Entry.objects.filter(pk__in=old).delete()
        made = [e for obj in kind.rows().filter(pk__in=pks) for e in entries_for(kind, obj)]
        Entry.objects.bulk_create(made)
        if made:
            engine.write(made)
        # Visitors' cached results go when this commits.
        invalidate(SEARCH_TAG)


@task
def index_task(key: str, pks: list[int]) -> None:
    kind = registry.for_key(key)
    if kind is not None:
        index(kind, pks)


@task
def reindex_kind_task(key: str) -> None:
    """Every row of a kind again (members, when which answers are searchable changes)."""
    kind = registry.for_key(key)
    if kind is not None:
        rebuild([kind])


def queue(kind: Searchable, pks: Iterable[int]) -> None:
    """Queues the reindexing of these rows with the change that asks for it."""
    pks = sorted({pk for pk in pks if pk is not None})
    if pks and not quiet():
        enqueue_with_change(index_task, kind.key, pks)


def changed() -> None:
    """A searchable row changed in a way that may change who finds it, with or without its
    index entry (a post hidden, a group made private, a comment approved): visitors' cached
    results go when the change commits (at once, not when the queued reindexing runs). A bulk
    job rebuilds the index at its end, which does the same."""
    if not quiet():
        invalidate(SEARCH_TAG)


def _oldest_first(kinds: list[Searchable]) -> Iterator[tuple[Searchable, Any]]:
    """Every row of `kinds`, oldest first across kinds (each kind read in batches, in the
    order of its date field, and the streams merged)."""

    def stream(number: int, kind: Searchable) -> Iterator[tuple[Any, int, int, Searchable, Any]]:
        rows = kind.rows().order_by(kind.date_field, "pk")
        for obj in rows.iterator(chunk_size=BATCH):
            yield getattr(obj, kind.date_field), number, obj.pk, kind, obj

    merged = heapq.merge(*(stream(n, k) for n, k in enumerate(kinds)))
    for _date, _number, _pk, kind, obj in merged:
        yield kind, obj


def rebuild(kinds: list[Searchable] | None = None, progress: Progress | None = None) -> int:
    """The index of `kinds` (every kind by default) made again from the rows; returns how
    many documents it holds now. Rows are written oldest first, so the index's ids follow
    the content's age (search.queries weighs the newest matches). One transaction per batch:
    a large network's writers are not held up (meanwhile, searches find what is indexed so
    far)."""
    engine = backend()
    everything = kinds is None
    kinds = registry.kinds() if kinds is None else kinds
    with transaction.atomic():
        if everything:
            engine.forget_all()
            Entry.objects.all().delete()
        else:
            for kind in kinds:
                old = Entry.objects.filter(kind=kind.key)
                engine.forget(list(old.values_list("pk", flat=True)))
                old.delete()
    if progress is not None:
        progress.start("search index", sum(kind.rows().count() for kind in kinds))
    total = 0
    for batch in batched(_oldest_first(kinds), BATCH):
        made = [e for kind, obj in batch for e in entries_for(kind, obj)]
        with transaction.atomic():
            Entry.objects.bulk_create(made)
            if made:
                engine.write(made)
        total += len(made)
        if progress is not None:
            progress.advance(len(batch))
    if progress is not None:
        progress.finish()
    invalidate(SEARCH_TAG)
    return total


# --- Signals ---------------------------------------------------------------------------------


def _on_save(kind: Searchable) -> Callable[..., None]:
    def handler(
        sender: type[models.Model],
        instance: models.Model,
        raw: bool = False,
        update_fields: frozenset[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if raw:
            return
        watched = (
            update_fields is None
            or not kind.watch_fields
            or bool(set(update_fields) & kind.watch_fields)
        )
        # A save of other fields still may change who may see the row (hidden_at, status,
        # a group's joining): results are recomputed, the index is left alone. Members' other
        # fields (the last sign-in) never do: names and suspensions are site-wide tags.
        if watched or kind.key != "member":
            changed()
        if watched:
            queue(kind, [instance.pk])

    return handler


def _on_delete(kind: Searchable) -> Callable[..., None]:
    def handler(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
        changed()
        queue(kind, [instance.pk])

    return handler


def _on_dependent(kind: Searchable, touched: Callable[[Any], Iterable[int]]) -> Callable[..., None]:
    def handler(
        sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
    ) -> None:
        if not raw:
            changed()
            queue(kind, touched(instance))

    return handler


def _on_event(event: events.Event) -> None:
    changed()


# Changes made with QuerySet.update() (no signal) that change who may find a row: a comment
# approved, hidden or shown; a scheduled post published.
_EVENTS = (
    "comments.added",
    "comments.deleted",
    "comments.hidden",
    "comments.shown",
    "blogs.published",
    "blogs.unpublished",
    "blogs.hidden",
    "forum.started",
    "forum.hidden",
    "forum.deleted",
)


def connect_signals() -> None:
    """Connects each registered kind's model (and its dependents) to the queue."""
    for name in _EVENTS:
        events.subscribe(name, _on_event)
    for kind in registry.kinds():
        uid = f"search:{kind.key}"
        saved, deleted = _on_save(kind), _on_delete(kind)
        post_save.connect(saved, sender=kind.model, dispatch_uid=f"{uid}:save", weak=False)
        post_delete.connect(deleted, sender=kind.model, dispatch_uid=f"{uid}:delete", weak=False)
        for number, (model, touched) in enumerate(kind.dependents):
            handler = _on_dependent(kind, touched)
            post_save.connect(
                handler, sender=model, dispatch_uid=f"{uid}:dep{number}:save", weak=False
            )
            post_delete.connect(
                handler, sender=model, dispatch_uid=f"{uid}:dep{number}:delete", weak=False
            )
