from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from lib import scheduler
        from members import removal

        from . import sections
        from .services import delete_messages_of, forget_places_of
        from .tasks import resume_broadcasts

        removal.register("messaging", delete_messages_of)
        removal.register_leaving("messaging", forget_places_of)
        scheduler.register("resume-broadcasts", timedelta(minutes=1), resume_broadcasts)
        sections.register_all()
