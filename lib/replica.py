"""Reads from a PostgreSQL replica, never where the reader must see their own write.

A replica replays the primary's commits a moment late (REPLICA_LAG_SECONDS at most, we
assume). So a request reads from the replica only when it is a GET/HEAD, nothing in it has
written yet, and this browser has not written within that time (a cookie remembers). Only the
member who wrote is pinned to the primary: everybody else keeps reading the replica. What a
reader takes from the replica shortly after a change is served but not cached
(lib/cachetags.may_store), so no cached page is older than its tags. Everything outside
requests — management commands, task workers — uses the primary.

django-multidb-router's PinningReplicaRouter pins the same way, but sends every unpinned read
to the replica, task workers and commands included; here those read the primary.
"""

import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse

PIN_COOKIE = "anjuman_primary"
_use_replica: ContextVar[bool] = ContextVar("use_replica", default=False)
_wrote: ContextVar[bool] = ContextVar("wrote", default=False)


class ReplicaRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str:
        return "replica" if _use_replica.get() else "default"

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str:
        # From the first write on, this request reads its own writes from the primary.
        _use_replica.set(False)
        _wrote.set(True)
        return "default"

    def allow_relation(self, obj1: models.Model, obj2: models.Model, **hints: Any) -> bool:
        return True  # both databases hold the same data

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


def reading_from_replica() -> bool:
    return _use_replica.get()


def _pinned(request: HttpRequest) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


def writes_no_rows(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Marks a POST view that writes nothing in the database: it does not pin its client to
    the primary (a write it makes after all still does)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.writes_no_rows = True  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


class PrimaryAfterWriteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.USE_REPLICA:
            return self.get_response(request)
        safe = request.method in ("GET", "HEAD", "OPTIONS")
        read_token = _use_replica.set(safe and not _pinned(request))
        wrote_token = _wrote.set(False)
        try:
            response = self.get_response(request)
            # A POST pins its client unless its view says it writes nothing in the database
            # (the views beacon, which every reader of a post sends) and it wrote nothing.
            if _wrote.get() or not (safe or getattr(request, "writes_no_rows", False)):
                until = time.time() + settings.REPLICA_LAG_SECONDS
                response.set_cookie(
                    PIN_COOKIE,
                    f"{until:.0f}",
                    max_age=settings.REPLICA_LAG_SECONDS,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        finally:
            _use_replica.reset(read_token)
            _wrote.reset(wrote_token)
