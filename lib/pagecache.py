"""Pages for signed-out visitors served from the cache, and cached results keyed to content.

Every cached thing carries the content version (lib/contentversion.py) in its key: after any
change the next visitor gets a freshly rendered page at once, and the old entries expire on
their own.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from .contentversion import content_version, version_age_seconds
from .pagefiles import write_page
from .replica import reading_from_replica

View = Callable[..., HttpResponse]
_MISSING = object()  # cached() may remember None (no network yet), so absence is this


def _may_store(version: str) -> bool:
    """Whether what this request read may be remembered under `version`.

    A replica replays the primary's commits a moment late: shortly after content changed, a
    page read from it may still show the old content, and must not be kept as the new
    version. Such reads are served but not stored until the replica has surely caught up.
    """
    return not (
        reading_from_replica() and version_age_seconds(version) < settings.REPLICA_LAG_SECONDS
    )


def cached[T](name: str, compute: Callable[[], T], timeout: int | None = None) -> T:
    """`compute()`, remembered until content changes."""
    version = content_version()
    key = f"anjuman:{name}:{version}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if _may_store(version):
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
        version = content_version()
        key = f"anjuman:page:{version}:{get_language()}:{path}"
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
            and _may_store(version)
        ):
            cache.set(key, (response.content, response["Content-Type"]), timeout=seconds)
            if not request.GET:
                write_page(version, get_language(), request.path, response.content)
            response["X-Cache"] = "miss"
        return response

    return wrapper
