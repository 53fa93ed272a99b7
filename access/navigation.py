"""The links access/ adds: "Privacy and joining" in the /manage/ navigation (with the number
of members waiting), "Invite" in the main navigation for whoever may invite."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .permissions import can_invite, can_manage_access
from .services import pending_members


def manage_link(request: HttpRequest, user: Any) -> str:
    if not can_manage_access(user):
        return ""
    waiting = pending_members().count()
    link = format_html(
        ' · <a href="{}">{}</a>', reverse("access:settings"), _("Privacy and joining")
    )
    if waiting:
        link += format_html(
            ' · <a href="{}">{}</a>',
            reverse("access:pending"),
            _("Waiting for approval (%(count)d)") % {"count": waiting},
        )
    return str(link)


def invite_link(request: HttpRequest, user: Any) -> str:
    network = getattr(request, "network", None)
    if network is None or not can_invite(request.user, network):
        return ""
    return str(format_html('<a href="{}">{}</a>', reverse("access:invite"), _("Invite")))
