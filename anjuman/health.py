"""/health/: is this application server able to serve? For load balancers and monitoring."""

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
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


class HealthCheckMiddleware:
    """Answers /health/ ahead of every other middleware.

    The others may need the very database or cache being checked (the network, the replica
    router's content version), and a probe wants a 503 naming the broken part, not a 500. It
    also answers the load balancer's plain-http probe when HTTPS redirects are on.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/health/":
            return health(request)
        return self.get_response(request)
