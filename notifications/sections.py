"""The bell in the navigation (lib/sections.py "member_nav"): a link to the notifications with
the unread count. It shows on every page a member sees, for one query on the index of the
unread (queries.unread_count)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from lib import sections

from . import queries
from .permissions import can_have_notifications


def bell(request: HttpRequest, user: Any) -> str:
    if not can_have_notifications(user):
        return ""
    return render_to_string("notifications/_bell.html", {"unread": queries.unread_count(user)})


def register_all() -> None:
    sections.register("member_nav", "notifications.bell", bell, order=10)
