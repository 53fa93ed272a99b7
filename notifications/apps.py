from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from datetime import timedelta

        from lib import scheduler
        from members import removal

        from . import handlers, sections
        from .digests import send_digests_task
        from .services import delete_notifications_of

        handlers.register_all()
        sections.register_all()
        removal.register("notifications", delete_notifications_of)
        # A member who leaves keeping their posts: their notifications and choices go too.
        register_leaving = getattr(removal, "register_leaving", None)
        if register_leaving is not None:
            register_leaving("notifications", delete_notifications_of)
        # Hourly: each member's digest goes out with the first run of its day (or week).
        scheduler.register("notification-digests", timedelta(hours=1), send_digests_task)
