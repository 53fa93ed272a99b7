"""What groups adds to the pages other apps compose (lib/sections.py): the navigation's Groups
link, a few active public groups on the home page, a member's public groups on their page; and
to its own group page, the group's latest activity (a section of the "group" page, as the
content apps' are)."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from activity import queries as activity
from activity.lines import render_lines
from activity.models import tag_of_place
from lib import sections
from lib.cachetags import cached_fragment, depends_on
from lib.urls import fast_reverse

from . import permissions
from .models import LISTS_TAG, Group, member_groups_tag, name_tag

HOME_GROUPS = 5
MEMBER_GROUPS = 10
# The group page's latest activity: this many lines, read from this many entries.
ACTIVITY_ENTRIES = 10
ACTIVITY_LINES = 5


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


def group_activity(request: HttpRequest, group: Any) -> str:
    """The group's latest activity, for those who read its content (asked again here).

    A public group's is what a visitor sees, rendered once per language and time zone until
    an entry in the group or the group's name changes — for every viewer who has blocked
    nobody and been blocked by nobody, as the network's section is (activity.sections). A
    private or hidden group's, and a viewer's with blocks, is rendered for them."""
    if not isinstance(group, Group) or not permissions.can_view_group_content(request.user, group):
        return ""
    network = getattr(request, "network", None)
    tags = [tag_of_place(group), name_tag(group.pk)]

    def render(viewer: object) -> str:
        page = activity.read(
            viewer, scope=activity.Scope.PLACE, place=group, limit=ACTIVITY_ENTRIES
        )
        shown = activity.Page(page.lines[:ACTIVITY_LINES])
        context = {
            "group": group,
            "any": bool(shown.lines),
            "lines": render_lines(shown, network, empty=_("Nothing has happened in it yet.")),
        }
        return render_to_string("groups/_activity_section.html", context)

    viewer = request.user
    if group.is_private or group.is_hidden or activity.hidden_member_ids(viewer):
        depends_on(*tags)
        return render(viewer)
    where = f"{get_language()}:{timezone.get_current_timezone_name()}"
    return cached_fragment(
        f"group-activity:{group.pk}:{where}", lambda: render(AnonymousUser()), tags
    )


def register_all() -> None:
    sections.register("main_nav", "groups.nav", nav_link, order=25)
    sections.register("home", "groups.active", active_groups, order=40)
    sections.register("member", "groups.groups", member_groups, order=40)
    # After its latest discussions (forum: 30) and what other content apps show there.
    sections.register("group", "groups.activity", group_activity, order=80)
