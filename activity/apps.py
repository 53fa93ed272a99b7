from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "activity"
    verbose_name = _("Latest Activity")

    def ready(self) -> None:
        from members import removal

        from . import kinds, sections
        from .services import remove_entries_of

        kinds.register_all()
        sections.register_all()
        removal.register("activity", remove_entries_of)
