"""What photos adds to the pages other apps compose (lib/sections.py): the home page's latest
photos, a member's photos on their page, the "Photos" link of the navigation."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language

from lib import sections
from lib.cachetags import cached_fragment, depends_on

from .models import LISTS, Photo, member_tag

HOME_PHOTOS = 8
MEMBER_PHOTOS = 6


def latest_photos(request: HttpRequest, _obj: Any) -> str:
    """The same for everyone: rendered once per language until a photo changes."""
    return cached_fragment(f"home-photos:{get_language()}", _render_latest, [LISTS])


def _render_latest() -> str:
    photos = list(Photo.objects.shown().for_listing()[:HOME_PHOTOS])
    return render_to_string("photos/_home_section.html", {"photos": photos})


def member_photos(request: HttpRequest, member: Any) -> str:
    depends_on(member_tag(member.pk))
    photos = list(Photo.objects.shown().filter(owner=member).for_listing()[:MEMBER_PHOTOS])
    return render_to_string("photos/_member_section.html", {"photos": photos, "member": member})


def nav_link(request: HttpRequest, _user: Any) -> str:
    return render_to_string("photos/_nav_link.html")


def register_all() -> None:
    sections.register("home", "photos.latest", latest_photos, order=40)
    sections.register("member", "photos.photos", member_photos, order=40)
    sections.register("main_nav", "photos.nav", nav_link, order=30)
