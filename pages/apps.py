from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self) -> None:
        from lib import sections

        from . import sections as own

        sections.register("main_nav", "pages.nav", own.nav_links, order=90)
        sections.register("manage_nav", "pages.manage", own.manage_link, order=35)
