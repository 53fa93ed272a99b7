from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from . import plugins

        plugins.register_all()

        # Reports and the moderation queue (moderation/).
        from moderation import registry as moderation

        from . import services as event_services
        from .models import Event
        from .permissions import can_view_event

        moderation.register(
            Event,
            feature="events",
            hide=lambda e, by: event_services.set_hidden(e, True, by=by),
            show=lambda e, by: event_services.set_hidden(e, False, by=by),
            delete=lambda e, by: event_services.delete_event(e, by=by),
            author="organiser",
            can_view=can_view_event,
            pending=lambda: Event.objects.pending(),
            approve=lambda e, by: event_services.approve_event(e, by=by),
            reject=lambda e, by: event_services.reject_event(e, by=by),
        )
