import datetime as dt

from django import template

from ..models import Event
from ..when import describe

register = template.Library()


@register.simple_tag
def event_when(event: Event) -> str:
    """The event's day and times in the active (the network's) time zone."""
    return describe(event)


@register.simple_tag
def event_when_in(event: Event, tz: dt.tzinfo | None) -> str:
    """The event's day and times in `tz` (a member's own time zone); empty without one and
    for an all-day event, which is by date, the same everywhere."""
    if tz is None or event.all_day:
        return ""
    return describe(event, tz)
