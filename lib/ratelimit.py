"""Fixed-window attempt counters kept in Django's cache."""

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


def record_attempt(scope: str, identity: str, window_seconds: int) -> int:
    key = _key(scope, identity)
    # add() starts the window only if it has not started; incr() counts within it.
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        return 1
