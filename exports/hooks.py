"""What exports adds to other apps' pages, registered in ExportsConfig.ready(): the creator's
/manage/ link ("manage_nav"), the link on a member's settings page ("settings"), and the
archives deleted with a member who goes."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lib import sections
from lib.urls import fast_reverse
from members import removal

from . import permissions
from .services import forget_exports_of


def _manage_link(request: HttpRequest, user: Any) -> str:
    if not permissions.can_export_network(user):
        return ""
    return format_html(
        ' · <a href="{}">{}</a>', fast_reverse("exports:network"), _("Export the network")
    )


def _settings_link(request: HttpRequest, user: Any) -> str:
    if not permissions.can_export_own_data(user):
        return ""
    return render_to_string("exports/_settings_link.html", request=request)


def register_all() -> None:
    sections.register("manage_nav", "exports.manage", _manage_link, order=90)
    sections.register("settings", "exports.own_data", _settings_link, order=50)
    removal.register("exports", forget_exports_of)
    removal.register_leaving("exports", forget_exports_of)
