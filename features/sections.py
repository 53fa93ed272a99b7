from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lib.sections import Section
from network.permissions import can_manage_network

from .services import off_section_prefixes


def keep_section(request: HttpRequest, page: str, section: Section) -> bool:
    """A feature that is off loses its navigation link and its sections on every page."""
    network = getattr(request, "network", None)
    if network is None or not network.features_off:
        return True
    return not section.name.startswith(off_section_prefixes(network))


def manage_link(request: HttpRequest, user: Any) -> str:
    if not can_manage_network(user):
        return ""
    return format_html(' · <a href="{}">{}</a>', reverse("features:manage"), _("Features"))
