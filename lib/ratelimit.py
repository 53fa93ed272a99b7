"""Fixed-window attempt counters kept in Django's cache.

Counting is atomic on every cache Anjuman uses (Redis INCR; lib/filecache.py's locked incr;
the in-memory cache's lock). Callers that guard an expensive or sensitive check count *first*
(`record_attempt(...) > limit` refuses) so a burst of parallel requests cannot all pass a check
made before any of them was counted.
"""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, also behind FORWARDED_FOR_PROXIES trusted reverse proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with
    N proxies of our own the client is the N-th address from the end; anything before it was
    sent by the client and can be forged.
    """
    proxies = settings.FORWARDED_FOR_PROXIES
    if proxies > 0:
        header: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [a.strip() for a in header.split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", "")) or "unknown"


def _key(scope: str, identity: str) -> str:
    digest = hashlib.sha256(identity.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def is_limited(scope: str, identity: str, limit: int) -> bool:
    return int(cache.get(_key(scope, identity), 0)) >= limit


def count(scope: str, identity: str) -> int:
    return int(cache.get(_key(scope, identity), 0))


def forget_attempt(scope: str, identity: str) -> None:
    """Takes one counted attempt back (it turned out to be a success)."""
    with contextlib.suppress(ValueError):  # the window ended meanwhile
        if cache.decr(_key(scope, identity)) < 0:
            cache.delete(_key(scope, identity))


def record_attempt(scope: str, identity: str, window_seconds: int) -> int:
    """Counts one attempt and returns how many there were in the window, this one included."""
    key = _key(scope, identity)
    # add() starts the window only if it has not started; incr() counts within it.
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        return 1
