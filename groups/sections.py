"""What groups adds to the pages other apps compose (lib/sections.py): the navigation's Groups
link, a few active public groups on the home page, a member's public groups on their page."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib import sections
from lib.cachetags import cached_fragment, depends_on
from lib.urls import fast_reverse

from .models import LISTS_TAG, Group, member_groups_tag

HOME_GROUPS = 5
MEMBER_GROUPS = 10


def nav_link(request: HttpRequest, user: Any) -> str:
    return format_html('<a href="{}">{}</a>', fast_reverse("groups:index"), _("Groups"))


def active_groups(request: HttpRequest, _obj: Any) -> str:
    """The public groups someone joined last: the same for everyone."""
    return cached_fragment(f"home-groups:{get_language()}", _render_active, [LISTS_TAG])


def _render_active() -> str:
    groups = list(
        Group.objects.public()
        .defer("description", "description_html")
        .order_by("-active_at", "-id")[:HOME_GROUPS]
    )
    return render_to_string("groups/_home_section.html", {"groups": groups})


def member_groups(request: HttpRequest, member: Any) -> str:
    """The member's public groups (their private ones are nobody else's business): the same
    for every viewer, so their page stays cacheable."""
    depends_on(member_groups_tag(member.pk))
    groups = list(
        Group.objects.public()
        .filter(memberships__member=member)
        .defer("description", "description_html")
        .order_by("name", "id")[:MEMBER_GROUPS]
    )
    return render_to_string("groups/_member_section.html", {"groups": groups})


def register_all() -> None:
    sections.register("main_nav", "groups.nav", nav_link, order=25)
    sections.register("home", "groups.active", active_groups, order=40)
    sections.register("member", "groups.groups", member_groups, order=40)
