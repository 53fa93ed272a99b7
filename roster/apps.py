from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RosterConfig(AppConfig):
    name = "roster"
    verbose_name = _("Members and roles")

    def ready(self) -> None:
        from . import hooks

        hooks.register_all()
