"""Pages for signed-out visitors served from the cache, and cached results keyed to content.

Every cached thing carries the *content version* in its key. Any write that changes what
pages show calls `invalidate_content()`, which starts a new version: the next visitor
gets a freshly rendered page at once, and the old entries expire on their own. One version for
the whole network is coarse, but it is always right, and a community site is read far more
often than it is written.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "anjuman:content-version"
View = Callable[..., HttpResponse]


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, str(time.time_ns()), timeout=None)
        version = cache.get(VERSION_KEY) or "0"
    return str(version)


def content_changed() -> None:
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def invalidate_content() -> None:
    """Called by every write that changes what pages show.

    Once now, so this process's next read inside the transaction sees the change, and once
    at commit, so no other process keeps a page it rendered from the data before the commit.
    """
    content_changed()
    transaction.on_commit(content_changed)


def cached[T](name: str, compute: Callable[[], T], timeout: int | None = None) -> T:
    """`compute()`, remembered until content changes."""
    key = f"anjuman:{name}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout or settings.PAGE_CACHE_SECONDS or 300)
    return value


def _is_visitor(request: HttpRequest) -> bool:
    # Decided from cookies alone, so a cache hit costs no session or user query. Someone with
    # a session (signed in, or with a message waiting) always gets a fresh page.
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.headers.get("HX-Request")
    )


def cache_for_visitors(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if request.method not in ("GET", "HEAD") or seconds <= 0 or not _is_visitor(request):
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        key = f"anjuman:page:{content_version()}:{get_language()}:{path}"
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            response = HttpResponse(content, content_type=content_type)
            response["X-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        # A page that holds a CSRF token or sets cookies belongs to one visitor only.
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            cache.set(key, (response.content, response["Content-Type"]), timeout=seconds)
            response["X-Cache"] = "miss"
        return response

    return wrapper
