"""What the forum adds to pages of other apps (lib/sections.py): the navigation's Forum link,
the home page's latest discussions, a member's discussions on their page, a group's latest
discussions on the group's page (rendered only for those who read the group's content)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from groups.models import Group
from groups.permissions import can_view_group_content
from lib import sections
from lib.cachetags import cached_fragment, depends_on
from lib.urls import fast_reverse

from . import permissions
from .models import LISTS_TAG, Discussion, groups_on

HOME_DISCUSSIONS = 5
MEMBER_DISCUSSIONS = 5
GROUP_DISCUSSIONS = 5


def nav_link(request: HttpRequest, user: Any) -> str:
    return format_html('<a href="{}">{}</a>', fast_reverse("forum:index"), _("Forum"))


def latest_discussions(request: HttpRequest, _obj: Any) -> str:
    """The same for everyone (hidden ones and private groups' left out): rendered once per
    language and time zone until a discussion or a reply changes."""
    groups = "g" if groups_on() else "-"
    name = f"home-discussions:{groups}:{get_language()}:{timezone.get_current_timezone_name()}"
    return cached_fragment(name, _render_latest, [LISTS_TAG])


def _render_latest() -> str:
    discussions = list(
        Discussion.objects.for_everyone().for_listing().by_activity()[:HOME_DISCUSSIONS]
    )
    if not discussions:
        return ""
    return render_to_string("forum/_home_section.html", {"discussions": discussions})


def member_discussions(request: HttpRequest, member: Any) -> str:
    depends_on(LISTS_TAG)
    discussions = list(
        Discussion.objects.visible_to(request.user)
        .filter(author=member)
        .for_listing()
        .order_by("-created_at", "-id")[:MEMBER_DISCUSSIONS]
    )
    if not discussions:
        return ""
    context = {"discussions": discussions, "member": member}
    return render_to_string("forum/_member_section.html", context)


def group_discussions(request: HttpRequest, group: Any) -> str:
    """The group's latest discussions and, for its members, "Start a discussion". The group's
    page renders it only for those who read the group (groups/detail.html); asked again here."""
    if not isinstance(group, Group) or not can_view_group_content(request.user, group):
        return ""
    depends_on(LISTS_TAG)
    discussions = list(
        Discussion.objects.shown()
        .filter(group=group)
        .for_listing()
        .pinned_first()[:GROUP_DISCUSSIONS]  # as the group's discussions page (its index)
    )
    context = {
        "discussions": discussions,
        "group": group,
        "can_start": permissions.can_start_discussion(request.user, group),
    }
    return render_to_string("forum/_group_section.html", context, request=request)


def register_all() -> None:
    sections.register("main_nav", "forum.nav", nav_link, order=30)
    sections.register("home", "forum.latest", latest_discussions, order=30)
    sections.register("member", "forum.discussions", member_discussions, order=30)
    sections.register("group", "forum.discussions", group_discussions, order=30)
