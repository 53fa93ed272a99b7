"""Events take tags (tags/registry.py; found by the tags app itself)."""

from django.utils.translation import gettext_lazy as _

from tags.registry import Taggable, register

from .models import EVENTS_TAG, Event

register(
    Taggable(
        key="event",
        label=_("Events"),
        label_one=_("Event"),
        model=Event,
        # An invited-only event to its organiser and the invited; hidden and pending ones to
        # moderators: the events app's own rule.
        visible_to=lambda viewer: Event.objects.visible_to(viewer),
        title=lambda event: event.title,
        url=lambda event: event.get_absolute_url(),
        # Listed by when it takes place.
        date=lambda event: event.start_at,
        date_field="start_at",
        author=lambda event: event.organiser,
        related=("organiser",),
        list_tags=(EVENTS_TAG,),
    )
)
