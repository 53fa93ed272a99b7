"""The emails notifications send: one at once, or a digest; each with a one-click unsubscribe.

Every email carries a link that turns off the emails of its kind (a digest: every digest) for
its recipient, signed with Django's signing so it works without signing in, and RFC 8058's
`List-Unsubscribe` / `List-Unsubscribe-Post` headers naming the same address, so a mail
program's "Unsubscribe" button does it with one POST (views.unsubscribe). The links do not
expire: an email read months later must still let its reader stop the next ones.

Emails go through lib.email.queue_email: queued in the transaction that made the
notification, sent by the task worker, retried with backoff while the SMTP server fails.
They are written in the network's language (the recipient's browser is not at hand).
"""

from collections.abc import Sequence

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib.email import queue_email
from network.services import current_network

from . import kinds
from .models import Notification
from .queries import is_switched_on
from .text import sentence

SALT = "notifications.unsubscribe"
# What an unsubscribe link names instead of a kind: every digest.
DIGEST = "digest"


def unsubscribe_token(member_id: int, what: str) -> str:
    return signing.dumps([member_id, what], salt=SALT)


def read_token(token: str) -> tuple[int, str] | None:
    """(member id, kind or DIGEST) from a link's token; None if it was not made here."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    match value:
        case [int(member_id), str(what)] if what == DIGEST or what in _kind_names():
            return member_id, what
    return None


def _kind_names() -> set[str]:
    return {kind.name for kind in kinds.registered()}


def absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def unsubscribe_url(member_id: int, what: str) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(member_id, what)]))


def _headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _network_name() -> str:
    network = current_network()
    return network.name if network else "Anjuman"


def send_now(notification: Notification) -> None:
    """Queues the email of one notification (delivery "email at once"); none about a feature
    the network switched off."""
    if not is_switched_on(notification):
        return
    recipient = notification.recipient
    with translation.override(settings.LANGUAGE_CODE):
        url = unsubscribe_url(recipient.pk, notification.kind)
        kind = kinds.get(notification.kind)
        context = {
            "sentence": sentence(notification, html=False),
            "sentence_html": sentence(notification, html=True),
            "notification": notification,
            "link": absolute(notification.url),
            "network_name": _network_name(),
            "unsubscribe_url": url,
            "kind_label": kind.label,
            "settings_url": absolute(reverse("notifications:settings")),
        }
        subject = sentence(notification, html=False)
        body = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    queue_email(subject, body, [recipient.address], headers=_headers(url), html=html)


def send_digest(frequency: str, notifications: Sequence[Notification]) -> None:
    """Queues a member's digest of `notifications` (all theirs, newest first)."""
    recipient = notifications[0].recipient
    with translation.override(settings.LANGUAGE_CODE):
        url = unsubscribe_url(recipient.pk, DIGEST)
        name = _network_name()
        count = len(notifications)
        if frequency == kinds.Delivery.DAILY:
            subject = ngettext(
                "Your day on %(network)s: %(count)d notification",
                "Your day on %(network)s: %(count)d notifications",
                count,
            )
        else:
            subject = ngettext(
                "Your week on %(network)s: %(count)d notification",
                "Your week on %(network)s: %(count)d notifications",
                count,
            )
        subject %= {"network": name, "count": count}
        items = [
            {
                "sentence": sentence(n, html=False),
                "sentence_html": sentence(n, html=True),
                "link": absolute(n.url),
                "excerpt": n.excerpt,
            }
            for n in notifications
        ]
        context = {
            "items": items,
            "network_name": name,
            "unsubscribe_url": url,
            "settings_url": absolute(reverse("notifications:settings")),
            "list_url": absolute(reverse("notifications:list")),
            "intro": _("What happened on %(network)s since the last email:") % {"network": name},
        }
        body = render_to_string("notifications/email/digest.txt", context)
        html = render_to_string("notifications/email/digest.html", context)
    queue_email(subject, body, [recipient.address], headers=_headers(url), html=html)
