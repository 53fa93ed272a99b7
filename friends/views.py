"""The friends pages, and the buttons' endpoints (one per action, named by the other member).

Each action answers an htmx request with the buttons alone (swapped in place), and a plain form
with a redirect back (`next`) and a message, so the buttons work without JavaScript. What cannot
be done answers 400 with the reason, in the buttons or on a page of its own.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lib.cachetags import depends_on
from lib.http import MemberRequest, NetworkRequest
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator
from members.decorators import contributor_required, member_required
from members.models import Member
from members.services import safe_next

from . import queries, services

FRIENDS_PER_PAGE = 30
# Requests shown on /friends/, newest first (the rest wait until these are answered).
REQUESTS_SHOWN = 50


def _member(handle: str) -> Member:
    return get_object_or_404(Member.objects.listed(), handle=handle)


def _friends_page(request: NetworkRequest, member: Member) -> ListingPaginator:
    return ListingPaginator(
        queries.friends_of(member).only("handle", "display_name", "photo_thumb", "role"),
        FRIENDS_PER_PAGE,
        count_key=f"friends:{member.pk}",
        count_tags=[queries.friends_tag(member)],
    )


@require_safe
@member_required
def mine(request: MemberRequest) -> HttpResponse:
    """The signed-in member's requests (received and sent) and friends."""
    me = request.user
    received = list(queries.requests_received(me)[:REQUESTS_SHOWN])
    sent = list(queries.requests_sent(me)[:REQUESTS_SHOWN])
    page = _friends_page(request, me).get_page(request.GET.get("page"))
    context = {
        "received": received,
        "sent": sent,
        "page": page,
        "next": request.get_full_path(),
    }
    return render(request, "friends/mine.html", context)


@require_safe
@cache_for_visitors
def of_member(request: NetworkRequest, handle: str) -> HttpResponse:
    """A member's friends; a signed-in viewer also sees which of them are theirs too."""
    member = _member(handle)
    depends_on(queries.friends_tag(member))
    page = _friends_page(request, member).get_page(request.GET.get("page"))
    viewer = request.user
    mutual: set[int] = set()
    if isinstance(viewer, Member) and viewer.pk != member.pk:
        mutual = queries.mutual_friend_ids(viewer, member)
    context = {"member": member, "page": page, "mutual": mutual, "is_me": viewer == member}
    return render(request, "friends/of_member.html", context)


# --- The buttons -----------------------------------------------------------------------------


def render_buttons(
    request: NetworkRequest, member: Member, *, error: str = "", note: str = ""
) -> str:
    """The buttons a viewer has on `member` (members' pages, /friends/ rows)."""
    viewer = request.user
    context = {
        "member": member,
        "viewer": viewer,
        "relation": queries.relation(viewer, member),
        "next": safe_next(request.POST.get("next") or request.GET.get("next"), request.path),
        "error": error,
        "note": note,
    }
    return render_to_string("friends/_buttons.html", context, request=request)


type Action = Callable[[Member, Member], str]


def _act(request: MemberRequest, handle: str, action: Action) -> HttpResponse:
    """Runs `action(me, member)`, which says what happened, and answers as the caller wants."""
    member = _member(handle)
    back = safe_next(request.POST.get("next"), member.get_absolute_url())
    try:
        done = action(request.user, member)
    except ValidationError as e:
        error = " ".join(e.messages)
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse(render_buttons(request, member, error=error), status=400)
        context = {"member": member, "error": error, "back": back}
        return render(request, "friends/refused.html", context, status=400)
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(render_buttons(request, member, note=done))
    messages.success(request, done)
    return redirect(back)


def _name(member: Member) -> dict[str, str]:
    return {"name": member.display_name}


def _send(me: Member, member: Member) -> str:
    outcome = services.send_request(by=me, to=member)
    if outcome in (services.Sent.FRIENDS_NOW, services.Sent.ALREADY_FRIENDS):
        return _("You and %(name)s are friends.") % _name(member)
    return _("Your friend request to %(name)s is sent.") % _name(member)


def _accept(me: Member, member: Member) -> str:
    services.accept(by=me, sender=member)
    return _("You and %(name)s are friends.") % _name(member)


def _decline(me: Member, member: Member) -> str:
    services.decline(by=me, sender=member)
    return _("You declined the friend request from %(name)s.") % _name(member)


def _cancel(me: Member, member: Member) -> str:
    services.cancel(by=me, to=member)
    return _("Your friend request to %(name)s is cancelled.") % _name(member)


def _unfriend(me: Member, member: Member) -> str:
    services.unfriend(by=me, other=member)
    return _("You and %(name)s are no longer friends.") % _name(member)


def _block(me: Member, member: Member) -> str:
    services.block(by=me, other=member)
    return _("You blocked %(name)s.") % _name(member)


def _unblock(me: Member, member: Member) -> str:
    services.unblock(by=me, other=member)
    return _("You unblocked %(name)s.") % _name(member)


@require_POST
@contributor_required
def send(request: MemberRequest, handle: str) -> HttpResponse:
    return _act(request, handle, _send)


@require_POST
@contributor_required
def accept(request: MemberRequest, handle: str) -> HttpResponse:
    return _act(request, handle, _accept)


@require_POST
@member_required
def decline(request: MemberRequest, handle: str) -> HttpResponse:
    return _act(request, handle, _decline)


@require_POST
@member_required
def cancel(request: MemberRequest, handle: str) -> HttpResponse:
    return _act(request, handle, _cancel)


@require_POST
@member_required
def unblock(request: MemberRequest, handle: str) -> HttpResponse:
    return _act(request, handle, _unblock)


def _confirm(request: MemberRequest, handle: str, action: Action, template: str) -> HttpResponse:
    """A page that asks first (GET) and acts on POST."""
    if request.method == "POST":
        return _act(request, handle, action)
    member = _member(handle)
    if member.pk == request.user.pk:
        context = {"member": member, "error": _("You cannot do that with yourself.")}
        return render(request, "friends/refused.html", context, status=400)
    context = {
        "member": member,
        "relation": queries.relation(request.user, member),
        "next": safe_next(request.GET.get("next"), member.get_absolute_url()),
    }
    return render(request, template, context)


@member_required
def unfriend(request: MemberRequest, handle: str) -> HttpResponse:
    return _confirm(request, handle, _unfriend, "friends/confirm_unfriend.html")


@member_required
def block(request: MemberRequest, handle: str) -> HttpResponse:
    return _confirm(request, handle, _block, "friends/confirm_block.html")
