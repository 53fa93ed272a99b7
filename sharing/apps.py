from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = _("Sharing")

    def ready(self) -> None:
        # The cards of the pages that show one thing (registered as it is imported).
        from . import providers  # noqa: F401
