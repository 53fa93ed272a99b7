"""`manage.py check --deploy`: federation with the immediate task backend (interop finding 2).

With TASKS_BACKEND=immediate a delivery runs inside the request that made it, inside its
transaction: the database's write lock is held for the whole POST to the other server, and a
server that verifies the delivery by fetching back from us (signed, so we record its actor: a
write) waits for that lock while we wait for it — the delivery times out and every writer of
the site waits meanwhile."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

IMMEDIATE = "django.tasks.backends.immediate.ImmediateBackend"


@register(Tags.compatibility, deploy=True)
def immediate_tasks_with_federation(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not getattr(settings, "FEDERATION_ENABLED", False):
        return []
    backend = (getattr(settings, "TASKS", {}) or {}).get("default", {}).get("BACKEND", "")
    if backend != IMMEDIATE:
        return []
    return [
        Warning(
            "FEDERATION_ENABLED with TASKS_BACKEND=immediate: deliveries would be sent inside "
            "requests, holding the database's write lock while other servers answer.",
            hint="Use TASKS_BACKEND=database (or redis) and run a task worker (manage.py "
            "db_worker) with the scheduler.",
            id="federation.W001",
        )
    ]
