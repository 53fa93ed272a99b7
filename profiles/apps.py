from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = _("Profile questions")

    def ready(self) -> None:
        from members import removal

        from . import hooks, sections
        from .services import delete_answers_of

        removal.register_leaving("profiles", delete_answers_of)
        hooks.register_all()
        sections.register_all()
