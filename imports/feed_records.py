"""What the feed and WordPress importers share: where a record came from (its source key),
what earlier runs brought (imports.models.ImportedRecord), writing each record in its own
savepoint, and the one invalidation and search indexing at the end.

Like the Ning importer (imports/ning/importer.py) these are bulk jobs: rows are written
directly with the apps' render helpers, lib.events muted and search paused (no notification,
activity entry or reindexing per row); the caches are invalidated once and the imported rows
indexed once when the run ends.
"""

import datetime as dt
import hashlib
import html
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import translation
from django.utils.html import strip_tags

from blogs.models import Post, Tag
from blogs.services import MAX_TAGS, tag_named
from comments.models import Comment
from lib import events
from lib.cachetags import EVERYTHING, invalidate
from lib.datagen import Progress
from lib.text import clean_text, normalized_name
from members.models import Member
from search import registry as search_registry
from search.indexing import index, paused

from .models import ImportedRecord
from .ning.report import Report

SOURCE_MAX = 40  # ImportedRecord.source
ORIGINAL_MAX = 300  # ImportedRecord.original_id
BATCH = 200


def source_key(prefix: str, address: str) -> str:
    """ "feed:blog.example.org", "wxr:example.com/blog": what an import's records are filed
    under. The site's host and path (scheme, "www." and slashes aside, in lower case), so an
    http and an https address of one site are one source; cut to ImportedRecord's 40
    characters with a hash of the whole when longer."""
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").removeprefix("www.")
    site = (host + parts.path.rstrip("/")).lower() if host else address.strip().lower()
    key = f"{prefix}:{site or 'unknown'}"
    if len(key) <= SOURCE_MAX:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    return f"{key[: SOURCE_MAX - 11]}~{digest}"


def original_key(value: str) -> str:
    """An id at the source as ImportedRecord keeps it: itself, or (longer than 300
    characters) its start with a hash of the whole."""
    value = value.strip()
    if len(value) <= ORIGINAL_MAX:
        return value
    digest = hashlib.sha256(value.encode()).hexdigest()[:24]
    return f"{value[: ORIGINAL_MAX - 25]}~{digest}"


def made_key(*parts: object) -> str:
    """An id for a record that has none, from what identifies it (the same every run)."""
    text = "\x1f".join(str(p) for p in parts)
    return "made:" + hashlib.sha256(text.encode()).hexdigest()[:24]


def text_title(value: str, *, is_html: bool = True) -> str:
    """A title as one line of plain text. An HTML title ("Tom &amp; Jerry <b>live</b>") has
    its tags dropped and is unescaped exactly once, so "&amp;amp;" written by the source
    stays "&amp;"; a plain-text title is kept as it is."""
    if is_html:
        value = html.unescape(strip_tags(value))
    return clean_text(value)


def tag_names(names: Sequence[str], report: Report, kind: str) -> list[str]:
    """Up to MAX_TAGS tag names, each once (by the tags' key), cut to 50 characters."""
    kept: dict[str, str] = {}
    for raw in names:
        name = clean_text(raw)[:50].strip()
        if name and normalized_name(name) not in kept:
            kept[normalized_name(name)] = name
    if len(kept) > MAX_TAGS:
        report.repaired(kind, f"more than {MAX_TAGS} tags: the first {MAX_TAGS} kept")
    return list(kept.values())[:MAX_TAGS]


class Memory:
    """Original id → object id of what this source's earlier runs (and this one) brought."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._done: dict[str, dict[str, int]] = {}
        self._types: dict[type[models.Model], ContentType] = {}
        self._tags: dict[str, Tag] = {}
        # What this run wrote, for the search index at the end.
        self.written: dict[type[models.Model], list[int]] = {}

    def done(self, kind: str) -> dict[str, int]:
        if kind not in self._done:
            self._done[kind] = dict(
                ImportedRecord.objects.filter(source=self.source, kind=kind).values_list(
                    "original_id", "object_id"
                )
            )
        return self._done[kind]

    def remember(self, kind: str, original: str, obj: models.Model) -> None:
        model = type(obj)
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        ImportedRecord.objects.create(
            source=self.source, kind=kind, original_id=original,
            content_type=self._types[model], object_id=obj.pk,
        )  # fmt: skip
        self.done(kind)[original] = obj.pk
        self.written.setdefault(model, []).append(obj.pk)

    def tag(self, name: str) -> Tag:
        key = normalized_name(name)
        if key not in self._tags:
            self._tags[key] = tag_named(name)
        return self._tags[key]

    def forget(self) -> None:
        """After a record's savepoint was rolled back: read again from the database."""
        self._done = {}
        self._tags = {}


def each[T](
    kind: str,
    records: Sequence[T],
    write: Callable[[T], None],
    *,
    report: Report,
    memory: Memory,
    describe: Callable[[T], str],
    progress: Progress | None = None,
    prepare: Callable[[T], None] | None = None,
) -> None:
    """`write(record)` for each record, each in a savepoint, batches committed (an
    interrupted run goes on where it stopped); a record that fails is reported and skipped,
    never the end of the import.

    `prepare(record)`, if given, runs for each record of a batch before its transaction
    opens: what waits on other servers (copying pictures) is done there, never while the
    transaction holds the database's write lock (SQLite's, taken at its start: the site's
    own writes would wait behind it, and give up)."""
    if progress is not None:
        progress.start(kind, len(records))
    for start in range(0, len(records), BATCH):
        if prepare is not None:
            for record in records[start : start + BATCH]:
                prepare(record)
        with transaction.atomic():
            for record in records[start : start + BATCH]:
                try:
                    with transaction.atomic():
                        write(record)
                except Exception as error:
                    report.skipped(kind, f"damaged record ({type(error).__name__})")
                    report.damaged.append(f"{kind}: {describe(record)}: {error}"[:500])
                    memory.forget()
        if progress is not None:
            progress.advance(len(records[start : start + BATCH]))
    if progress is not None:
        progress.finish()


@contextmanager
def quietly() -> Iterator[None]:
    """A bulk job's writes: no events, no reindexing per row; what the import writes in words
    (a marker in a text) in the network's language."""
    with ExitStack() as stack:
        stack.enter_context(events.muted())
        stack.enter_context(paused())
        stack.enter_context(translation.override(settings.LANGUAGE_CODE))
        yield


def finish(memory: Memory) -> None:
    """Once, after a run that wrote: every cached page made again, and what it wrote (posts,
    comments, members) put in the search index."""
    invalidate(EVERYTHING)
    for model in (Post, Comment, Member):
        kind = search_registry.for_model(model)
        pks = memory.written.get(model, [])
        if kind is None or not pks:
            continue
        for start in range(0, len(pks), 500):
            index(kind, pks[start : start + 500])


def aware(value: Any) -> dt.datetime | None:
    """A feedparser date (a time.struct_time in UTC) as an aware datetime, None if unusable."""
    if not value:
        return None
    try:
        year, month, day, hour, minute, second = (int(v) for v in value[:6])
        return dt.datetime(year, month, day, hour, minute, min(second, 59), tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None
