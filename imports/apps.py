from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """Moving in: a Ning Network Archiver folder, a blog's feed, a WordPress export."""

    name = "imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        from lib import sections

        from .views import manage_link

        sections.register("manage_nav", "imports.manage", manage_link, order=95)
