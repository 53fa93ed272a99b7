from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = _("Profile questions")

    def ready(self) -> None:
        from . import hooks, sections

        hooks.register_all()
        sections.register_all()
