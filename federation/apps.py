from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    """ActivityPub: member blogs and the network's blog on the fediverse, replies under the
    network's comment rules."""

    name = "federation"
    verbose_name = _("Federation")

    def ready(self) -> None:
        from datetime import timedelta

        from lib import scheduler
        from members import removal

        from . import checks, handlers, sections  # noqa: F401 (checks registers itself)
        from .delivery import queue_due_task
        from .services import member_leaves

        handlers.subscribe()
        sections.register_all()
        removal.register_leaving("federation", member_leaves)
        # Retries whose time has come (and any delivery whose task was lost).
        scheduler.register("federation-deliveries", timedelta(minutes=1), queue_due_task)
