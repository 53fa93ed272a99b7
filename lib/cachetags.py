"""Scoped cache invalidation: cache tags, in the manner of surrogate keys (Varnish xkey, Fastly).

A read names what it depends on, a write names what it changed, and only what depends on a
changed tag is rendered again.

- A **tag** is a short string naming a piece of data: ``post:12`` (one post's page),
  ``blog:7`` (the set of member 7's posts), ``post-lists`` (every listing of posts),
  ``network`` (the network's settings and sidebar), ``people`` (members' names and photos)…
  docs/architecture.md lists them.
- Each tag has a **version** in the cache: the time (ns) it last changed. Whatever is cached
  (a page, a fragment, a count) is stored with the versions of the tags it was made from, and a
  hit counts only while every one of those versions is still current.
- ``invalidate(*tags)`` gives those tags new versions — inside a transaction once per tag, when
  it commits (a bulk job in one transaction invalidates each tag once, however many rows it
  writes), outside one at once.

A tag with no version in the cache (never changed, or evicted) gets a new one when first read:
the current time less a minute, so that creating it does not count as a change during a render
(lib/pagecache.py) — and a value no earlier version had, so a lost version only costs a miss.
The site-wide tags (SITE_WIDE: the network's settings, members' names, everything) share one
version: every page depends on all of them and they change rarely, so one read serves a page
instead of three. Tags of single objects are hashed into ``TAG_BUCKETS`` buckets per kind, so
that the number of version entries stays bounded however large the network grows; two objects
sharing a bucket only cost each other an occasional extra miss (about one in four thousand).
"""

import hashlib
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from .memo import ProcessMemo
from .release import release_id
from .replica import reading_from_replica

# Every cached thing depends on this one too: a bulk job that changes everything (an import,
# the demo loader) invalidates it once instead of naming every tag.
EVERYTHING = "everything"
# The network's settings and sidebar, and members' names and photos, show on every page.
SITE_WIDE = (EVERYTHING, "network", "people")
TAG_BUCKETS = 4096
CREATED_BACKDATE_NS = 60 * 10**9
_PREFIX = "anjuman:tag:"

Versions = dict[str, int]

# The tags the page being rendered depends on (see collecting()).
_collector: ContextVar[set[str] | None] = ContextVar("cache_tag_collector", default=None)


def _key(tag: str) -> str:
    if tag in SITE_WIDE:
        return _PREFIX + "site"
    kind, sep, ident = tag.partition(":")
    if not sep:
        return _PREFIX + tag
    bucket = int(ident) if ident.isdigit() else zlib.crc32(ident.encode())
    return f"{_PREFIX}{kind}:{bucket % TAG_BUCKETS}"


SITE_KEY = _key(EVERYTHING)


# The versions this request has read already (see RequestVersionsMiddleware): a page reads the
# same few tags (network, people, everything) for each fragment it shows.
_seen: ContextVar[dict[str, Any] | None] = ContextVar("cache_tag_versions_seen", default=None)


def _read(keys: Iterable[str], *, fresh: bool = False) -> dict[str, Any]:
    seen = _seen.get()
    if seen is None or fresh:
        found: dict[str, Any] = cache.get_many(keys)
        if seen is not None:
            seen.update(found)
        return found
    missing = [key for key in keys if key not in seen]
    if missing:
        seen.update(cache.get_many(missing))
    return {key: seen[key] for key in keys if key in seen}


def versions(tags: Iterable[str], *, fresh: bool = False) -> Versions:
    """The current version of each tag (by its bucket key), giving a version to any without.

    Within a request a version read once is taken as it was then (older is safe: what is
    cached with it was read after it); `fresh` reads them again."""
    keys = {_key(tag) for tag in (*tags, EVERYTHING)}
    found = _read(keys, fresh=fresh)
    for key in keys - found.keys():
        now = time.time_ns() - CREATED_BACKDATE_NS
        # add(): of two processes giving a version at once, the first one's stands.
        found[key] = now if cache.add(key, now, timeout=None) else cache.get(key, now)
        _remember({key: found[key]})
    return {key: int(value) for key, value in found.items()}


def still_current(stored: Versions) -> bool:
    """Whether nothing that a cached thing was made from has changed since."""
    if not stored:
        return False
    found = _read(stored.keys())
    return all(found.get(key) == version for key, version in stored.items())


def _remember(found: dict[str, Any]) -> None:
    seen = _seen.get()
    if seen is not None:
        seen.update(found)


class RequestVersionsMiddleware:
    """Reads each tag's version once per request (lib/cachetags.versions)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _seen.set({})
        try:
            return self.get_response(request)
        finally:
            _seen.reset(token)


def newest_change_age(stored: Versions) -> float:
    """Seconds since the most recent change among these versions (versions are times)."""
    return (time.time_ns() - max(stored.values(), default=0)) / 1e9


def _bump(tags: Iterable[str]) -> None:
    now = time.time_ns()
    keys = {_key(tag) for tag in tags}
    cache.set_many(dict.fromkeys(keys, now), timeout=None)
    _remember(dict.fromkeys(keys, now))
    # Page files written for nginx go with their tags (lib/pagefiles.py).
    from .pagefiles import remove_pages_tagged

    remove_pages_tagged(keys)


class _Pending:
    """The tags a transaction changed, invalidated together when it commits."""

    def __init__(self) -> None:
        self.tags: set[str] = set()

    def __call__(self) -> None:
        tags, self.tags = self.tags, set()
        if tags:
            _bump(tags)


def _in_transaction(connection: Any) -> bool:
    # A seam for the tests, whose wrapping transaction never commits (conftest.py).
    return bool(connection.in_atomic_block)


def invalidate(*tags: str) -> None:
    """Marks `tags` changed: at commit inside a transaction, now outside one."""
    connection = transaction.get_connection()
    if not _in_transaction(connection):
        _bump(tags)
        return
    pending = next(
        (hook for _sids, hook, _robust in connection.run_on_commit if isinstance(hook, _Pending)),
        None,
    )
    if pending is None:
        pending = _Pending()
        transaction.on_commit(pending)
    pending.tags.update(tags)


def flush_pending() -> None:
    """Invalidates now what the open transaction has named (for tests: see conftest.py)."""
    connection = transaction.get_connection()
    for _sids, hook, _robust in connection.run_on_commit:
        if isinstance(hook, _Pending):
            hook()


# The list tags of the content apps (each one's tag for its lists, invalidated whenever one of
# its items is published, edited, hidden, shown, approved or deleted): what shows items of every
# kind at once (the search's cached results) follows them. Declared by the apps through
# tags/registry.py (Taggable.list_tags).
_content_lists: set[str] = set()


def declare_content_lists(*tags: str) -> None:
    """Adds content apps' list tags (see content_list_tags())."""
    _content_lists.update(tags)


def content_list_tags() -> list[str]:
    """Every content app's list tag: a cached mix of every kind depends on them all."""
    return sorted(_content_lists)


def depends_on(*tags: str) -> None:
    """Records that the page being rendered shows data named by `tags`."""
    collected = _collector.get()
    if collected is not None:
        collected.update(tags)


def named_so_far() -> set[str]:
    """The tags the page being rendered has named so far (none outside a collection)."""
    collected = _collector.get()
    return set(collected) if collected is not None else set()


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collects the tags that code run inside names with depends_on() or cached()."""
    outer = _collector.get()
    tags: set[str] = set()
    token = _collector.set(tags)
    try:
        yield tags
    finally:
        _collector.reset(token)
        if outer is not None:
            outer.update(tags)


_MISSING = object()  # cached() may remember None (no network yet), so absence is this
# What this process got from cached() lately (lib/memo.py): the network, the sidebar, comment
# lists. Shared by the process's requests: callers treat what cached() returns as read-only.
_recent = ProcessMemo(500)


def may_store(current: Versions) -> bool:
    """Whether what this request read may be remembered under these versions.

    A replica replays the primary's commits a moment late: shortly after one of the tags
    changed, what was read from it may still be the old data, and must not be kept as the new
    version. Such reads are served but not stored until the replica has surely caught up.
    """
    return not (
        reading_from_replica() and newest_change_age(current) < settings.REPLICA_LAG_SECONDS
    )


def cached[T](
    name: str, compute: Callable[[], T], tags: Sequence[str], timeout: int | None = None
) -> T:
    """`compute()`, remembered until one of `tags` changes (or `timeout` seconds pass)."""
    depends_on(*tags)
    key = f"anjuman:{release_id()}:cached:" + hashlib.sha256(name.encode()).hexdigest()[:40]
    seconds = timeout or settings.PAGE_CACHE_SECONDS or 300
    # This process's copy first (lib/memo.py): valid on the same versions check.
    entry = _recent.get(key)
    if entry is None or not still_current(entry[0]):
        entry = cache.get(key, _MISSING)
        if isinstance(entry, tuple) and len(entry) == 2:
            _recent.put(key, entry, seconds)
    if isinstance(entry, tuple) and len(entry) == 2 and still_current(entry[0]):
        return cast(T, entry[1])
    # Versions are read before computing: a change made meanwhile makes this entry stale.
    current = versions(tags)
    value = compute()
    if may_store(current):
        cache.set(key, (current, value), timeout=seconds)
        _recent.put(key, (current, value), seconds)
    return value


def cached_fragment(
    name: str, compute: Callable[[], str], tags: Sequence[str], timeout: int | None = None
) -> str:
    """Like cached(), for a piece of HTML that depends on more tags than the caller can name
    beforehand: those `compute()` names with depends_on() (the like counts of the posts a
    listing shows, found by the query it runs).

    The entry remembers the tags its render named, and the next render reads their versions
    before computing, as cached() does: a render that names a tag not read beforehand (the
    first one, or one whose listing changed) is served but stored only as what it learnt,
    never as a value, since a change made during it would go unseen. A hit names every
    remembered tag, so the page around it depends on them too."""
    key = f"anjuman:{release_id()}:fragment:" + hashlib.sha256(name.encode()).hexdigest()[:40]
    seconds = timeout or settings.PAGE_CACHE_SECONDS or 300
    entry = _recent.get(key)
    if entry is None or not still_current(entry[0]):
        entry = cache.get(key, _MISSING)
        if isinstance(entry, tuple) and len(entry) == 3:
            _recent.put(key, entry, seconds)
    learnt: frozenset[str] = frozenset()
    if isinstance(entry, tuple) and len(entry) == 3:
        stored, html, learnt = entry
        if stored and still_current(stored):
            depends_on(*learnt)
            return cast(str, html)
    known = {*tags, *learnt}
    current = versions(known)
    with collecting() as named:
        named.update(tags)
        html = compute()
    if named <= known and may_store(current):
        value = (current, html, frozenset(named))
    else:
        value = ({}, "", frozenset(named))  # learnt, not stored: see above
    cache.set(key, value, timeout=seconds)
    _recent.put(key, value, seconds)
    return html
