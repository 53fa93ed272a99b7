"""What federation adds to other apps' pages: the "Follow from your server" box on a member's
page (their handle and how many follow them from elsewhere), the administrators' /manage/
link, the link on a member's settings page."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lib import sections
from lib.cachetags import depends_on
from lib.urls import fast_reverse
from members.permissions import is_member

from . import ids, permissions, rules
from .forms import RemoteFollowForm
from .models import Follower
from .tags import followers_tag


def member_box(request: HttpRequest, member: Any) -> str:
    depends_on("network", followers_tag(member.pk))
    if not rules.enabled() or not rules.member_federates(member):
        return ""
    context = {
        "member": member,
        "handle": f"@{member.handle}@{ids.host()}",
        "followers": Follower.objects.filter(actor__member=member).count(),
        "own": is_member(request.user) and request.user.pk == member.pk,
        "form": RemoteFollowForm(),
    }
    return render_to_string("federation/_member_box.html", context, request=request)


def manage_link(request: HttpRequest, user: Any) -> str:
    if not permissions.can_manage_federation(user):
        return ""
    return str(
        format_html(' · <a href="{}">{}</a>', fast_reverse("federation:manage"), _("Other servers"))
    )


def settings_link(request: HttpRequest, user: Any) -> str:
    if not permissions.can_change_own_federation(user):
        return ""
    return str(
        format_html(
            '<p><a href="{}">{}</a> · <a href="{}">{}</a></p>',
            fast_reverse("federation:settings"),
            _("Your blog on other servers (Mastodon…)"),
            fast_reverse("federation:following"),
            _("Following on other servers"),
        )
    )


def post_replies(request: HttpRequest, post: Any) -> str:
    """Under a post (blogs' "post_footer"): the replies from elsewhere, when the administrators
    chose to show them there (federation/templatetags/federation.remote_replies)."""
    if not rules.enabled():
        return ""
    from .templatetags.federation import remote_replies

    return remote_replies({"request": request}, post)


def register_all() -> None:
    sections.register("post_footer", "federation.replies", post_replies)
    sections.register("member", "federation.follow", member_box, order=15)
    sections.register("manage_nav", "federation.manage", manage_link, order=85)
    sections.register("settings", "federation.settings", settings_link, order=40)
