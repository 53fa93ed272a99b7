"""Events in the search box (search/registry.py; found by the search app itself)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register
from search.text import plain

from .models import Event

register(
    Searchable(
        key="event",
        label=_("Events"),
        label_one=_("Event"),
        model=Event,
        # An invited-only event to its organiser and the invited; hidden ones to moderators.
        visible_to=lambda viewer: Event.objects.visible_to(viewer),
        title=lambda event: event.title,
        body=lambda event: "\n".join(
            part
            for part in (event.location, event.organiser_name, plain(event.description_html))
            if part
        ),
        author_id=lambda event: event.organiser_id,
        # Found and shown by when it takes place.
        date=lambda event: event.start_at,
        url=lambda event: event.get_absolute_url(),
        # An answer (attending_count) is not a new text.
        watch_fields=frozenset(
            {
                "title",
                "slug",
                "description",
                "description_html",
                "location",
                "organiser_name",
                "start_at",
            }
        ),
    )
)
