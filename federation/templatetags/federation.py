"""{% remote_replies post %}: "Replies from elsewhere" under a post — the replies of other
servers' accounts kept there, shown while the administrators' choice is to show them there
and the network's comment rule lets comments show without a moderator."""

from typing import Any

from django import template
from django.template.loader import render_to_string

from lib.cachetags import depends_on

from .. import choices
from ..models import RemoteNote
from ..tags import CHOICES_TAG, replies_tag

register = template.Library()
MAX_SHOWN = 200


@register.simple_tag(takes_context=True)
def remote_replies(context: dict[str, Any], post: Any) -> str:
    if post is None or not getattr(post, "pk", None):
        return ""
    # A visitor's cached page is refreshed when a reply comes or goes, the administrators
    # choose again, or the network's comment rule changes.
    depends_on(replies_tag(post.pk), CHOICES_TAG, "network")
    if not choices.replies_under_posts():
        return ""
    replies = list(
        RemoteNote.objects.filter(reply_to_id=post.pk)
        .select_related("author")
        .order_by("published", "id")[:MAX_SHOWN]
    )
    if not replies:
        return ""
    return render_to_string(
        "federation/_remote_replies.html", {"replies": replies}, request=context.get("request")
    )
