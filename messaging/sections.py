"""What the messages app adds to pages of other apps (lib/sections.py).

- "member_nav": the Messages link with the count of threads with unread messages, on every
  page a signed-in member sees: one cached count (queries.unread_count), built without a
  template.
- "member": a "Send a message" link on a member's page, for signed-in members who may write
  (no query: whether they may write to that member is answered by the form, which names no
  block).
"""

from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib import sections
from lib.urls import fast_reverse

from . import permissions, queries


def nav_link(request: HttpRequest, user: Any) -> str:
    if not permissions.can_read_messages(user):
        return ""
    url = fast_reverse("messaging:inbox")
    unread = queries.unread_count(user)
    if not unread:
        return format_html('<a href="{}">{}</a>', url, _("Messages"))
    label = ngettext(
        "%(n)d conversation with unread messages",
        "%(n)d conversations with unread messages",
        unread,
    ) % {"n": unread}
    return format_html(
        '<a href="{}">{} <span class="badge" aria-label="{}">{}</span></a>',
        url,
        _("Messages"),
        label,
        unread,
    )


def member_link(request: HttpRequest, member: Any) -> str:
    viewer = request.user
    if not permissions.can_write_messages(viewer) or viewer.pk == member.pk:
        return ""
    if not permissions.is_reachable(member):
        return ""
    url = fast_reverse("messaging:write", member.handle)
    return format_html(
        '<p class="message-member"><a class="button secondary" href="{}">{}</a></p>',
        url,
        _("Send a message"),
    )


def register_all() -> None:
    sections.register("member_nav", "messaging.inbox", nav_link, order=20)
    sections.register("member", "messaging.write", member_link, order=5)
