"""The member page's friends section (lib/sections.py): their friends and the viewer's buttons.

The member page is cached for visitors, so what a visitor sees depends only on the member's
friendships (tag `friends:<id>`): the count and a few avatars, cached as a fragment, and a
sign-in link. A signed-in viewer (never served a cached page) also gets the friends in common
and the buttons for their relation to the member.
"""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lib import sections
from lib.cachetags import cached
from members.models import Member

from . import queries
from .views import render_buttons

AVATARS = 6


def _summary(member: Member) -> SafeString:
    def render() -> str:
        friends = queries.friends_of(member).only("handle", "display_name", "photo_thumb")
        context = {"member": member, "count": friends.count(), "friends": friends[:AVATARS]}
        return render_to_string("friends/_summary.html", context)

    # Per language: the fragment holds translated words.
    name = f"friends:summary:{member.pk}:{get_language()}"
    html = cached(name, render, [queries.friends_tag(member)])
    return mark_safe(html)  # noqa: S308 — our own template's output, cached as text


def member_friends(request: HttpRequest, member: Any) -> str:
    viewer = request.user
    mutual_count = 0
    if isinstance(viewer, Member) and viewer.pk != member.pk:
        mutual_count = len(queries.mutual_friend_ids(viewer, member))
    if isinstance(viewer, Member):
        buttons = render_buttons(request, member)  # type: ignore[arg-type]
    else:
        signin = reverse("members:signin") + "?" + urlencode({"next": member.get_absolute_url()})
        buttons = render_to_string(
            "friends/_buttons.html",
            {"member": member, "viewer": viewer, "relation": "none", "signin_url": signin},
        )
    context = {
        "member": member,
        "summary": _summary(member),
        "mutual_count": mutual_count,
        "buttons": mark_safe(buttons),  # noqa: S308 — rendered from our template
    }
    return render_to_string("friends/_member_section.html", context)


def register_all() -> None:
    sections.register("member", "friends.friends", member_friends, order=10)
