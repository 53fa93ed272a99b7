"""The notifications app's part of the access matrix (tests/test_access_matrix.py).

A member's notifications are theirs alone: the author's (other_member commented on the
author's post) is opened and marked read by the author, and is not found (404) for everyone
else, whatever their role. The list, the settings and the mentions' autocomplete are every
signed-in member's own; visitors and suspended members are asked to sign in. The unsubscribe
link needs no session: the author's link works for whoever holds it (the signature is the
permission), and its POST needs no CSRF token (RFC 8058's one-click POST).
"""

from typing import Any

from notifications import emails
from notifications.models import Notification
from tests.test_access_matrix import LOGIN, REDIRECT, World, row

OWN_ONLY = row((LOGIN, 405), signed_in=(404, 405), author=(REDIRECT, 405))


def _authors_notification(w: World) -> Notification:
    w.comment  # noqa: B018 — other_member's comment on the author's post tells the author
    return Notification.objects.get(recipient=w.author, kind="comment")


def _notification(w: World) -> dict[str, Any]:
    return {"pk": w.authors_notification.pk}


MATRIX = {
    "notifications:list": row((LOGIN, 405), signed_in=(200, 405)),
    "notifications:mark_all_read": row((405, LOGIN), signed_in=(405, REDIRECT)),
    "notifications:open": OWN_ONLY,
    "notifications:mark_read": row((405, LOGIN), signed_in=(405, 404), author=(405, REDIRECT)),
    "notifications:settings": row((LOGIN, LOGIN), signed_in=(200, REDIRECT)),
    "notifications:mentions": row((LOGIN, 405), signed_in=(200, 405)),
    "notifications:unsubscribe": row((200, 200)),
}

KWARGS = {
    "notifications:open": _notification,
    "notifications:mark_read": _notification,
    "notifications:unsubscribe": lambda w: {
        "token": emails.unsubscribe_token(w.author.pk, "comment")
    },
}


def _settings_form(w: World) -> dict[str, str]:
    from notifications import kinds

    return {kind.name: "page" for kind in kinds.registered()}


POST_DATA = {"notifications:settings": _settings_form}

OBJECTS = {"authors_notification": _authors_notification}
