from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .permissions import can_change_appearance


def manage_link(request: HttpRequest, user: Any) -> str:
    if not can_change_appearance(user):
        return ""
    return format_html(' · <a href="{}">{}</a>', reverse("appearance:manage"), _("Appearance"))
