from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from .permissions import can_manage_pages
from .services import navigation


def nav_links(request: HttpRequest, user: Any) -> str:
    """The published pages shown in the navigation, in their order."""
    return format_html_join(
        "", '<a href="{}" dir="auto">{}</a>', ((url, title) for title, url in navigation())
    )


def manage_link(request: HttpRequest, user: Any) -> str:
    if not can_manage_pages(user):
        return ""
    return format_html(' · <a href="{}">{}</a>', reverse("pages:manage"), _("Pages"))
