"""The activity pages: the network's stream (everyone), a member's friends' stream, and one
member's activity. Each is a keyset page (`?before=<cursor>`); a cursor we did not write answers
400 with the newest page's link. An app whose things are places (a group) serves a place's
stream on its own page with place_stream().
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lib.cachetags import cached_fragment, depends_on
from lib.http import MemberRequest, NetworkRequest
from lib.pagecache import cache_for_visitors
from members.decorators import member_required
from members.models import Member

from . import permissions, queries
from .lines import render_lines
from .models import STREAM_TAG, member_tag, tag_of_place
from .queries import Cursor, InvalidCursor, Scope


def _lines(request: NetworkRequest, page: queries.Page) -> SafeString:
    return render_lines(page, request.network)


def _stream(
    request: NetworkRequest,
    template: str,
    *,
    scope: Scope,
    member: Member | None = None,
    place: models.Model | None = None,
    tag: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    depends_on(tag)
    context: dict[str, object] = {"scope": scope.value, "member": member, **(extra or {})}
    raw = request.GET.get("before", "")
    before = None
    if raw:
        try:
            before = Cursor.decode(raw)
        except InvalidCursor:
            context["error"] = _("This page of the activity does not exist. Here is the newest.")
            context["lines"] = _newest(request, scope, member, tag, context, place)
            return render(request, template, context, status=400)
    if before is None:
        context["lines"] = _newest(request, scope, member, tag, context, place)
    else:
        page = queries.read(request.user, scope=scope, member=member, place=place, before=before)
        context["lines"] = _lines(request, page)
        context["older"] = page.older.encode() if page.older else ""
    context["before"] = raw if before is not None else ""
    return render(request, template, context)


def _newest(
    request: NetworkRequest,
    scope: Scope,
    member: Member | None,
    tag: str,
    context: dict[str, object],
    place: models.Model | None = None,
) -> SafeString:
    """The newest page; as visitors see it, rendered once until it changes. Its cursor goes
    into `context`."""
    viewer = request.user
    if not isinstance(viewer, AnonymousUser):
        page = queries.read(viewer, scope=scope, member=member, place=place)
        context["older"] = page.older.encode() if page.older else ""
        return _lines(request, page)

    def render_page() -> str:
        page = queries.read(viewer, scope=scope, member=member, place=place)
        # The cursor travels with the HTML: the fragment is all that is cached.
        older = page.older.encode() if page.older else ""
        return older + "\n" + _lines(request, page)

    where = f"{get_language()}:{timezone.get_current_timezone_name()}"
    owner = member.pk if member is not None else tag if place is not None else ""
    cached = cached_fragment(f"activity:page:{scope}:{owner}:{where}", render_page, [tag])
    older, _sep, html = cached.partition("\n")
    context["older"] = older
    return mark_safe(html)  # noqa: S308 — rendered above from our template


def place_stream(
    request: NetworkRequest, template: str, place: models.Model, context: dict[str, Any]
) -> HttpResponse:
    """What happened in `place` (a group), a keyset page as the other streams, for the page
    its own app serves; that app has decided the viewer may read the place. `template` gets
    `lines`, `older`, `before`, `error` (include activity/_older.html) and `context`."""
    return _stream(
        request, template, scope=Scope.PLACE, place=place, tag=tag_of_place(place), extra=context
    )


@require_safe
@cache_for_visitors
def everyone(request: NetworkRequest) -> HttpResponse:
    """What happened on the network, newest first."""
    return _stream(request, "activity/stream.html", scope=Scope.EVERYONE, tag=STREAM_TAG)


@require_safe
@member_required
def friends(request: MemberRequest) -> HttpResponse:
    """What the signed-in member's friends did."""
    if not permissions.can_view_friends_stream(request.user):
        raise Http404
    return _stream(request, "activity/stream.html", scope=Scope.FRIENDS, tag=STREAM_TAG)


@require_safe
@cache_for_visitors
def of_member(request: NetworkRequest, handle: str) -> HttpResponse:
    """What a member did, and what concerns them (new friends, their wall)."""
    member = get_object_or_404(Member.objects.listed(), handle=handle)
    if not permissions.can_view_member_stream(request.user, member):
        raise Http404
    return _stream(
        request,
        "activity/member_stream.html",
        scope=Scope.MEMBER,
        member=member,
        tag=member_tag(member.pk),
    )
