from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Moving out: the whole network in one archive (and back in), a member's own data."""

    name = "exports"
    verbose_name = _("Exports")

    def ready(self) -> None:
        from . import hooks

        hooks.register_all()
