"""What the forum adds to pages of other apps (lib/sections.py): the navigation's Forum link,
the home page's latest discussions, a member's discussions on their page."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib import sections
from lib.cachetags import cached_fragment, depends_on
from lib.urls import fast_reverse

from .models import LISTS_TAG, Discussion

HOME_DISCUSSIONS = 5
MEMBER_DISCUSSIONS = 5


def nav_link(request: HttpRequest, user: Any) -> str:
    return format_html('<a href="{}">{}</a>', fast_reverse("forum:index"), _("Forum"))


def latest_discussions(request: HttpRequest, _obj: Any) -> str:
    """The same for everyone (hidden ones left out): rendered once per language and time
    zone until a discussion or a reply changes."""
    name = f"home-discussions:{get_language()}:{timezone.get_current_timezone_name()}"
    return cached_fragment(name, _render_latest, [LISTS_TAG])


def _render_latest() -> str:
    discussions = list(Discussion.objects.shown().for_listing().by_activity()[:HOME_DISCUSSIONS])
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


def register_all() -> None:
    sections.register("main_nav", "forum.nav", nav_link, order=30)
    sections.register("home", "forum.latest", latest_discussions, order=30)
    sections.register("member", "forum.discussions", member_discussions, order=30)
