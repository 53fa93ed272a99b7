from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppearanceConfig(AppConfig):
    name = "appearance"
    verbose_name = _("Appearance")

    def ready(self) -> None:
        from lib import sections

        from . import sections as own

        sections.register("manage_nav", "appearance.manage", own.manage_link, order=32)
