from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from lib import scheduler

        from .services import FEED_REFRESH_EVERY, refresh_feed_boxes

        # Feed boxes: every half hour, one task per box (never inside a page's request).
        scheduler.register("refresh-sidebar-feeds", FEED_REFRESH_EVERY, refresh_feed_boxes)
