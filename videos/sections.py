"""What videos adds to the pages other apps compose (lib/sections.py)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language

from lib import sections
from lib.cachetags import cached_fragment, depends_on

from .models import LISTS, Video, member_tag

HOME_VIDEOS = 5
MEMBER_VIDEOS = 5


def latest_videos(request: HttpRequest, _obj: Any) -> str:
    return cached_fragment(f"home-videos:{get_language()}", _render_latest, [LISTS])


def _render_latest() -> str:
    videos = list(Video.objects.shown().for_listing()[:HOME_VIDEOS])
    return render_to_string("videos/_home_section.html", {"videos": videos})


def member_videos(request: HttpRequest, member: Any) -> str:
    depends_on(member_tag(member.pk))
    videos = list(Video.objects.shown().filter(owner=member).for_listing()[:MEMBER_VIDEOS])
    return render_to_string("videos/_member_section.html", {"videos": videos, "member": member})


def nav_link(request: HttpRequest, _user: Any) -> str:
    return render_to_string("videos/_nav_link.html")


def register_all() -> None:
    sections.register("home", "videos.latest", latest_videos, order=45)
    sections.register("member", "videos.videos", member_videos, order=45)
    sections.register("main_nav", "videos.nav", nav_link, order=35)
