from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from lib import sections

        from .views import manage_nav_link

        sections.register("manage_nav", "analytics.manage", manage_nav_link, order=60)
