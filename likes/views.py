"""Like, unlike (one endpoint each, for every registered kind) and who liked something."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lib.http import NetworkRequest
from members.permissions import can_contribute, is_member
from members.services import safe_next

from . import buttons, permissions, registry, services

LIKERS_PER_PAGE = 50


def _target(request: NetworkRequest, kind: str, pk: int) -> tuple[registry.Likeable, models.Model]:
    likeable = registry.for_kind(kind)
    target = get_object_or_404(likeable.model._default_manager, pk=pk)
    if not likeable.can_view(request.user, target):
        raise Http404  # what they may not see does not exist for them
    return likeable, target


def _answer(
    request: NetworkRequest, likeable: registry.Likeable, target: models.Model
) -> HttpResponse:
    """htmx: the button alone, as it is now; otherwise back where the like was made."""
    if request.htmx:  # type: ignore[attr-defined]
        here = buttons.slot(likeable.kind, target.pk, open=likeable.is_open(target))
        back = request.POST.get("next", "").split("#")[0]
        return HttpResponse(buttons.fill(request, here, next_url=safe_next(back, "") or None))
    return redirect(safe_next(request.POST.get("next"), likeable.url(target)))


def _change(request: NetworkRequest, kind: str, pk: int, *, liking: bool) -> HttpResponse:
    likeable, target = _target(request, kind, pk)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(likeable.url(target))
    if not can_contribute(user):
        # Unconfirmed: as on every write page (docs/permissions.md).
        messages.warning(request, _("Please confirm your email before you write."))
        return redirect("network:home")
    allowed = permissions.can_like if liking else permissions.can_unlike
    if not allowed(user, target):
        raise PermissionDenied(_("This takes no likes."))
    assert is_member(user)  # can_contribute said so; for the type checker
    if liking:
        services.like(target, user)
    else:
        services.unlike(target, user)
    return _answer(request, likeable, target)


@require_POST
def like(request: NetworkRequest, kind: str, pk: int) -> HttpResponse:
    return _change(request, kind, pk, liking=True)


@require_POST
def unlike(request: NetworkRequest, kind: str, pk: int) -> HttpResponse:
    return _change(request, kind, pk, liking=False)


@require_safe
def liked_by(request: NetworkRequest, kind: str, pk: int) -> HttpResponse:
    """Who liked it, newest first: signed-in and listed members only (a suspended member's
    like still counts, as their comments still show)."""
    likeable, target = _target(request, kind, pk)
    likes = services.likers(target).filter(member__is_active=True)
    paginator = Paginator(likes, LIKERS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "target": target,
        "target_url": likeable.url(target),
        "kind": kind,
        "page": page,
        "count": services.count_of(target),
    }
    return render(request, "likes/liked_by.html", context)
