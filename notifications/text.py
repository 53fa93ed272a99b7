"""A notification's sentence, for the page (names escaped and isolated) and for emails."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from . import kinds
from .models import Notification


def sentence(notification: Notification, *, html: bool) -> str:
    """“Ayesha Khan and 4 others liked your post “Reunion in Lahore””."""
    try:
        template = kinds.get(notification.kind).sentence(notification)
    except LookupError:  # a kind whose app is gone
        template = _("%(actor)s did something here.")
    actor = notification.actor.display_name if notification.actor else _("Someone")
    others = max(notification.actor_count - 1, 0)
    if not html:
        return template % {"actor": actor, "title": notification.title, "others": others}
    values = {
        "actor": format_html("<bdi>{}</bdi>", actor),
        "title": format_html("<bdi>{}</bdi>", notification.title),
        "others": others,
    }
    return mark_safe(escape(template) % values)  # noqa: S308 — every part escaped above


def page_sentence(notification: Notification) -> SafeString:
    return SafeString(sentence(notification, html=True))
