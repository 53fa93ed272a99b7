from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeaturesConfig(AppConfig):
    name = "features"
    verbose_name = _("Features")

    def ready(self) -> None:
        from lib import sections

        from . import sections as own

        sections.add_filter(own.keep_section)
        sections.register("manage_nav", "features.manage", own.manage_link, order=30)
