"""Pages for signed-out visitors, served from the cache until what they show changes.

A page is stored with the versions of the cache tags it was rendered from (lib/cachetags.py:
the view names them with depends_on(), cached fragments add theirs, every page depends on
BASE_TAGS), and a hit counts only while those versions are current. So a comment on one post
refreshes that post's page and the listings that count its comments, and nothing else.

What is stored, and under which key:
- only GET/HEAD from visitors: no session or message cookie, no `Authorization` header, not
  htmx;
- keyed by path, the language, and the kind of document asked for (`Accept`: HTML for
  browsers, JSON for ActivityPub servers), so the two never get each other's page;
- only query strings the view declares (e.g. `page=3`, digits only); any other query is served
  fresh and not stored, so random query strings cannot fill the cache;
- only 200 responses without cookies, whose `Vary` names nothing beyond what the key holds;
- with their headers (`Content-Type`, `Content-Language`, `Last-Modified`, `ETag`, …).
"""

import hashlib
import time
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, overload

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.http import split_header_value
from django.utils.translation import get_language

from .cachetags import SITE_WIDE, collecting, may_store, still_current, versions
from .memo import ProcessMemo
from .pagefiles import write_page
from .release import release_id

View = Callable[..., HttpResponse]
BASE_TAGS = SITE_WIDE
# Request headers a stored page may vary on: the key holds each of them (cookies only as
# "a visitor without a session", the language cookie through the language).
_KEYED_VARY = {"accept", "accept-language", "cookie", "accept-encoding"}
_NOT_STORED_HEADERS = {"set-cookie", "x-cache", "x-query-count", "vary"}
_JSON_TYPES = ("application/activity+json", "application/ld+json", "application/json")
# The pages this process served from the cache or stored lately (lib/memo.py): a hit on one
# of them reads only its tags' versions. 200 pages of ~40 kB: under 10 MB per process.
_recent = ProcessMemo(200)


def is_visitor(request: HttpRequest) -> bool:
    # Decided from cookies and headers alone, so a cache hit costs no session or user query.
    # Someone with a session (signed in, or with a message waiting) always gets a fresh page.
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.headers.get("HX-Request")
        and not request.headers.get("Authorization")
    )


def document_kind(request: HttpRequest) -> str:
    """ "json" when the client asks for JSON (ActivityPub) before HTML, else "html"."""
    accept = request.headers.get("Accept", "").lower()
    json_at = min((accept.find(t) for t in _JSON_TYPES if t in accept), default=-1)
    html_at = accept.find("text/html")
    return "json" if json_at >= 0 and (html_at < 0 or json_at < html_at) else "html"


def _query_key(request: HttpRequest, allowed: Sequence[str]) -> str | None:
    """The query string in a canonical form, or None if the page must not be stored."""
    parts = []
    for name, values in sorted(request.GET.lists()):
        if name not in allowed or len(values) != 1 or not values[0].isdigit():
            return None
        parts.append(f"{name}={int(values[0])}")
    return "&".join(parts)


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    vary = {h.lower() for h in split_header_value(response.get("Vary", "")) if h}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and vary <= _KEYED_VARY
    )


@overload
def cache_for_visitors(view: View) -> View: ...
@overload
def cache_for_visitors(*, query: Sequence[str] = ...) -> Callable[[View], View]: ...
def cache_for_visitors(
    view: View | None = None, *, query: Sequence[str] = ("page",)
) -> View | Callable[[View], View]:
    """Serves the view's page to visitors from the cache; `query`: the parameters it reads."""
    if view is None:
        return lambda v: _cache_for_visitors(v, query)
    return _cache_for_visitors(view, query)


def _cache_for_visitors(view: View, query: Sequence[str]) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        query_key = _query_key(request, query)
        if (
            request.method not in ("GET", "HEAD")
            or seconds <= 0
            or query_key is None
            or not is_visitor(request)
            # A private network's pages are members' (access/ lets no visitor this far): never
            # kept, so none can be served from the cache or as an nginx file.
            or getattr(getattr(request, "network", None), "visibility", "public") == "private"
        ):
            return view(request, *args, **kwargs)
        kind = document_kind(request)
        language = get_language()
        address = f"{request.path}?{query_key}"
        page = f"{kind}:{language}:{address}"
        key = f"anjuman:{release_id()}:page:" + hashlib.sha256(page.encode()).hexdigest()
        hit = _recent.get(key)
        if hit is None or not still_current(hit[0]):
            hit = cache.get(key)
            if hit is not None:
                _recent.put(key, hit, seconds)
        if hit is not None and still_current(hit[0]):
            _versions, status, headers, content = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        # A change committed while this page is rendered would leave it showing some old
        # data under new versions: pages rendered across a change are served, not stored.
        started = time.time_ns()
        with collecting() as tags:
            tags.update(BASE_TAGS)
            response = view(request, *args, **kwargs)
        current = versions(tags, fresh=True)
        unchanged = max(current.values()) < started
        if unchanged and _storable(request, response) and may_store(current):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _NOT_STORED_HEADERS
            ]
            entry = (current, response.status_code, headers, response.content)
            cache.set(key, entry, seconds)
            _recent.put(key, entry, seconds)
            if not query_key and kind == "html":
                write_page(language, request.path, response.content, current)
            response["X-Cache"] = "miss"
        return response

    return wrapper
