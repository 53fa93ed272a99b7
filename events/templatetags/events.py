from django import template

from ..models import Event
from ..when import describe

register = template.Library()


@register.simple_tag
def event_when(event: Event) -> str:
    """The event's day and times in the active (the network's) time zone."""
    return describe(event)
