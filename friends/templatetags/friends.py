"""{% load friends %}: what the site's header shows of friends."""

from django import template

from members.permissions import is_member

from .. import queries

register = template.Library()


@register.simple_tag
def pending_friend_requests(user: object) -> int:
    """How many friend requests wait for the signed-in member's answer (0 for visitors);
    cached, so a page pays for it only after a change."""
    return queries.pending_count(user) if is_member(user) else 0
