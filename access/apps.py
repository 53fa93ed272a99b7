from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Privacy and joining")

    def ready(self) -> None:
        from lib import sections

        from . import navigation

        sections.register("manage_nav", "access.manage", navigation.manage_link, order=20)
        sections.register("main_nav", "access.invite", navigation.invite_link, order=90)
