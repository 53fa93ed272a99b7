from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WallsConfig(AppConfig):
    name = "walls"
    verbose_name = _("Comment walls")

    def ready(self) -> None:
        pass
