"""{% remote_replies post %}: "Replies from elsewhere" under a post — the replies of other
servers' accounts kept when the administrators chose to show them there, while the network's
comment rule lets comments show without a moderator."""

from typing import Any

from django import template
from django.template.loader import render_to_string

from .. import choices
from ..models import RemoteNote

register = template.Library()
MAX_SHOWN = 200


@register.simple_tag(takes_context=True)
def remote_replies(context: dict[str, Any], post: Any) -> str:
    if post is None or not getattr(post, "pk", None) or not choices.replies_rule_allows():
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
