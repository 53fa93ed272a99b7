"""View counts without a database write per view: counted in the cache, written now and then.

A visitor's page may come from the page cache (lib/pagecache.py) or from nginx's page files,
so a view cannot be counted while the page renders: the page asks for it with a small POST
(a beacon) to an endpoint that is never cached, which calls `count()`. A scheduler job calls
`flush()`, which hands the counts gathered since its last run to a function that writes them
(blogs: `Post.view_count`).

- **Once per visitor and window**: a view counts if `add()` of a "seen" key for the object and
  the visitor succeeds (atomic: of two beacons at once, one counts). `visitor()` names the
  visitor by a keyed hash (HMAC with SECRET_KEY) of their session cookie or, without one, of
  their address and user agent: neither is stored, and the hash cannot be turned back into
  them without the secret.
- **Buckets**: views are counted in buckets of BUCKET_SECONDS (`VIEW_COUNT_BUCKET_SECONDS`,
  60 by default): a counter per object and bucket (`add()` then `incr()`), and the first view of
  an object in a bucket appends the object to the bucket's list (an atomic index and a slot).
  A bucket is flushed only once it has been over for a whole bucket's time, so no beacon still
  writes into it: the flusher reads finished buckets, never takes anything back, and needs no
  lock against counting.
- **At most once**: `flush()` records the last bucket it read before the counts are written;
  if writing them fails, the record is put back and the next run tries again. A crash between
  the two loses those counts rather than counting them twice.
- **Closed objects**: `close()` marks an object that may no longer be viewed (a post unpublished,
  hidden or deleted), so the endpoint can refuse its beacons from pages still open, without a
  database query; `reopen()` lifts it.

Limits, decided: counts wait in the cache until flushed. The file cache (lib/filecache.py, as
Django's) gives an entry the default timeout (5 minutes) again at every `incr()`, so a bucket
must be flushed within 5 minutes of its end: blogs runs the job every 2 minutes. With the
scheduler stopped for longer, the views counted meanwhile are lost (those written stay); with
Redis they wait up to KEPT_SECONDS.
"""

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .ratelimit import client_ip

WINDOW_SECONDS = 30 * 60  # one visitor's repeated views of one object within this count once
KEPT_SECONDS = 2 * 60 * 60  # how long counted views wait for a flush (where the cache keeps them)
LOCK_SECONDS = 5 * 60
CLOSED_SECONDS = 24 * 60 * 60
_PREFIX = "anjuman:views:"


def bucket_seconds() -> float:
    return float(getattr(settings, "VIEW_COUNT_BUCKET_SECONDS", 60))


def visitor(request: HttpRequest) -> str:
    """Who is viewing, as a keyed hash: the session cookie (a signed-in member, or a visitor
    with a session) or the address and user agent. Reads no session and no database."""
    session = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    who = (
        f"s:{session}"
        if session
        else f"a:{client_ip(request)}:{request.headers.get('User-Agent', '')}"
    )
    return salted_hmac("lib.viewcounts.visitor", who[:2000], algorithm="sha256").hexdigest()[:32]


def _bucket(now: float | None) -> int:
    return int((time.time() if now is None else now) // bucket_seconds())


def _count_key(kind: str, bucket: int, pk: int) -> str:
    return f"{_PREFIX}{kind}:{bucket}:{pk}"


def _index_key(kind: str, bucket: int) -> str:
    return f"{_PREFIX}{kind}:{bucket}:n"


def _slot_key(kind: str, bucket: int, i: int) -> str:
    return f"{_PREFIX}{kind}:{bucket}:slot:{i}"


def _closed_key(kind: str, pk: int) -> str:
    return f"{_PREFIX}{kind}:closed:{pk}"


def _seen_key(kind: str, pk: int, who: str) -> str:
    return f"{_PREFIX}{kind}:seen:{pk}:{hashlib.sha256(who.encode()).hexdigest()[:32]}"


def count(kind: str, pk: int, who: str, *, now: float | None = None) -> bool:
    """Counts a view of object `pk` of `kind` by `who` (see `visitor()`); False if `who` was
    counted for it within WINDOW_SECONDS."""
    if not cache.add(_seen_key(kind, pk, who), 1, timeout=WINDOW_SECONDS):
        return False
    bucket = _bucket(now)
    key = _count_key(kind, bucket, pk)
    if cache.add(key, 1, timeout=KEPT_SECONDS):
        # The object's first view in this bucket: list it for the flush.
        index = _index_key(kind, bucket)
        cache.add(index, 0, timeout=KEPT_SECONDS)
        cache.set(_slot_key(kind, bucket, cache.incr(index)), pk, timeout=KEPT_SECONDS)
        return True
    try:
        cache.incr(key)
    except ValueError:  # evicted between add() and incr(): this view starts it again
        cache.add(key, 1, timeout=KEPT_SECONDS)
    return True


def close(kind: str, pk: int) -> None:
    """Refuses views of the object from now on (see `is_closed`), for CLOSED_SECONDS: beacons
    come from pages loaded before the change, seconds or minutes old. A later one (or one after
    the cache lost the mark) is counted and dropped at the flush if the object is gone."""
    cache.set(_closed_key(kind, pk), 1, timeout=CLOSED_SECONDS)


def reopen(kind: str, pk: int) -> None:
    cache.delete(_closed_key(kind, pk))


def is_closed(kind: str, pk: int) -> bool:
    return cache.get(_closed_key(kind, pk)) is not None


def _flushed_key(kind: str) -> str:
    return f"{_PREFIX}{kind}:flushed"


def flush(
    kind: str, write: Callable[[dict[int, int]], object], *, now: float | None = None
) -> dict[int, int]:
    """Hands the views counted in the finished buckets not flushed yet to `write({pk: views})`
    (only objects with views; `write` is not called without any) and returns them."""
    ready = _bucket(now) - 2  # over for a whole bucket's time: no beacon still writes into it
    oldest = ready - int(KEPT_SECONDS // bucket_seconds())
    lock = f"{_PREFIX}{kind}:flushing"
    if not cache.add(lock, 1, timeout=LOCK_SECONDS):
        return {}  # another flush is running
    try:
        done = cache.get(_flushed_key(kind))
        first = oldest if done is None else max(int(done) + 1, oldest)
        if first > ready:
            return {}
        buckets = range(first, ready + 1)
        counts, keys = _read(kind, buckets)
        cache.set(_flushed_key(kind), ready, timeout=None)
        if counts:
            try:
                write(counts)
            except BaseException:
                # Nothing was written: the next run reads these buckets again.
                if done is None:
                    cache.delete(_flushed_key(kind))
                else:
                    cache.set(_flushed_key(kind), done, timeout=None)
                raise
        cache.delete_many(keys)
        return counts
    finally:
        cache.delete(lock)


def _read(kind: str, buckets: Iterable[int]) -> tuple[dict[int, int], list[str]]:
    """The views per object in these buckets, and the cache keys they were read from."""
    buckets = list(buckets)
    sizes = cache.get_many([_index_key(kind, b) for b in buckets])
    slot_keys = {
        _slot_key(kind, b, i): b
        for b in buckets
        for i in range(1, int(sizes.get(_index_key(kind, b), 0)) + 1)
    }
    listed = cache.get_many(list(slot_keys))
    count_keys = {_count_key(kind, slot_keys[k], int(pk)): int(pk) for k, pk in listed.items()}
    found = cache.get_many(list(count_keys))
    counts: dict[int, int] = defaultdict(int)
    for key, n in found.items():
        if int(n) > 0:
            counts[count_keys[key]] += int(n)
    return dict(counts), [*sizes, *listed, *found]
