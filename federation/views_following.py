"""Members following accounts of other servers: the "Following" page (ask by handle, the
list, unfollow) and the "Following" stream of what those accounts post — each only the
member's own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lib.http import MemberRequest, form_status
from members.decorators import member_required

from . import following, rules
from .forms import FollowElsewhereForm
from .models import Following

PER_PAGE = 50


def _off_message() -> str:
    return _(
        "Following accounts elsewhere needs this network's federation on and your blog shared."
    )


@member_required
def following_page(request: MemberRequest) -> HttpResponse:
    member = request.user
    form = FollowElsewhereForm(request.POST if request.method == "POST" else None)
    enabled = rules.enabled() and rules.member_federates(member)
    if request.method == "POST" and form.is_valid():
        if not enabled:
            form.add_error(None, _off_message())
        else:
            try:
                row = following.ask(member, form.cleaned_data["handle"], by=member)
            except ValidationError as e:
                form.add_error("handle", e)
            else:
                messages.success(
                    request,
                    _("%(handle)s: asked, waiting for their server.")
                    % {"handle": f"@{row.handle}"},
                )
                return redirect("federation:following")
    rows = Paginator(following.following_of(member), PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "rows": rows, "enabled": enabled, "states": Following.State}
    return render(request, "federation/following.html", context, status=form_status(form))


@require_POST
@member_required
def unfollow(request: MemberRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(
        Following.objects.select_related("remote", "member"), pk=pk, member=request.user
    )
    following.stop(row, by=request.user)
    message = _("You no longer follow %(handle)s.") % {"handle": f"@{row.handle}"}
    messages.success(request, message)
    return redirect("federation:following")


@require_safe
@member_required
def stream(request: MemberRequest) -> HttpResponse:
    notes, next_cursor = following.stream(request.user, request.GET.get("before"))
    context = {
        "notes": notes,
        "next_cursor": next_cursor,
        "follows": Following.objects.filter(
            member=request.user, state=Following.State.ACCEPTED
        ).exists(),
    }
    return render(request, "federation/stream.html", context)
