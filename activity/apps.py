from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "activity"
    verbose_name = _("Latest Activity")

    def ready(self) -> None:
        from members import removal

        from . import kinds, sections
        from .services import forget_former_member, remove_entries_of

        kinds.register_all()
        sections.register_all()
        removal.register("activity", remove_entries_of)
        # Leaving with one's content kept is new in members (issue 9): registered where the
        # members app offers it.
        register_leaving = getattr(removal, "register_leaving", None)
        if register_leaving is not None:
            register_leaving("activity", forget_former_member)
