"""Latest Activity on the pages other apps compose (lib/sections.py): the home page's section,
after the latest blog posts, and a member's activity on their page.

Both show what a visitor sees, rendered once per language and time zone until an entry they
show changes (tag `activity`, or `activity:<member id>`) or what a line shows of its post (the
kinds' tags, learnt by cached_fragment). A signed-in member sees the same section unless they
blocked someone or were blocked: theirs leaves those members out and is rendered for them. The
activity page (/activity/) is where a member's own view of everything is.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib import sections
from lib.cachetags import cached_fragment
from members.models import Member

from . import permissions, queries
from .lines import render_lines
from .models import STREAM_TAG, member_tag

HOME_ENTRIES = 20
HOME_LINES = 8
MEMBER_ENTRIES = 10
MEMBER_LINES = 5


def _for_visitors_or(
    request: HttpRequest, name: str, tags: list[str], render: Callable[[object], str]
) -> str:
    viewer = request.user
    if queries.hidden_member_ids(viewer):
        return render(viewer)
    where = f"{get_language()}:{timezone.get_current_timezone_name()}"
    return cached_fragment(f"{name}:{where}", lambda: render(AnonymousUser()), tags)


def home(request: HttpRequest, _obj: Any) -> str:
    network = getattr(request, "network", None)

    def render(viewer: object) -> str:
        page = queries.read(viewer, limit=HOME_ENTRIES)
        shown = render_lines(queries.Page(page.lines[:HOME_LINES]), network)
        return render_to_string("activity/_home_section.html", {"lines": shown})

    return _for_visitors_or(request, "activity:home", [STREAM_TAG], render)


def member(request: HttpRequest, member: Member) -> str:
    if not permissions.can_view_member_stream(request.user, member):
        return ""
    network = getattr(request, "network", None)

    def render(viewer: object) -> str:
        page = queries.read(viewer, scope=queries.Scope.MEMBER, member=member, limit=MEMBER_ENTRIES)
        shown = queries.Page(page.lines[:MEMBER_LINES])
        context = {
            "lines": render_lines(shown, network, empty=_("No activity yet.")),
            "any": bool(shown.lines),
            "member": member,
        }
        return render_to_string("activity/_member_section.html", context)

    name = f"activity:member:{member.pk}"
    return _for_visitors_or(request, name, [member_tag(member.pk)], render)


def register_all() -> None:
    # After the latest blog posts (blogs: 20).
    sections.register("home", "activity.latest", home, order=30)
    # After the member's blog posts (20).
    sections.register("member", "activity.member", member, order=30)
