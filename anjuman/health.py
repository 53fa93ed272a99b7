"""/health/: is this application server able to serve? For load balancers and monitoring."""

import time

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache


def _check_database(alias: str) -> str:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as e:
        return f"error: {type(e).__name__}"
    return "ok"


def _check_cache() -> str:
    key = "anjuman:health"
    value = str(time.time_ns())
    try:
        cache.set(key, value, timeout=10)
        if cache.get(key) != value:
            return "error: the cache did not return what was stored"
    except Exception as e:
        return f"error: {type(e).__name__}"
    return "ok"


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    checks = {f"database:{alias}": _check_database(alias) for alias in connections}
    checks["cache"] = _check_cache()
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )
