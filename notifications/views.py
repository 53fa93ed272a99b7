"""The notifications pages: the list, marking read (htmx or plain), the settings, the
mentions' autocomplete, and the unsubscribe link of the emails (no sign-in needed)."""

from typing import Any

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from friends.queries import hidden_member_ids
from lib.http import MemberRequest, form_status
from lib.pagination import ListingPaginator
from members.decorators import member_required
from members.models import Member
from members.services import safe_next

from . import emails, kinds, queries, services
from .forms import PreferencesForm
from .models import Notification

PER_PAGE = 30
# The autocomplete: at most this many members, for at most this many characters typed.
MENTION_RESULTS = 8
MENTION_QUERY_CHARS = 50


def _page(request: MemberRequest, number: Any) -> Any:
    me = request.user

    def fetch(ids: list[int]) -> QuerySet[Notification]:
        return Notification.objects.filter(pk__in=ids).select_related("actor")

    paginator = _Paginator(
        queries.notifications_of(me), PER_PAGE, count_key="", count_tags=[], fetch=fetch
    )
    return paginator.get_page(number)


class _Paginator(ListingPaginator):
    """Pages read by id from the list's index (lib.pagination); the count read each time, on
    the same index (one member's rows: queries.py says why nothing here is cached)."""

    @cached_property
    def count(self) -> int:
        return self.object_list.count()


def _list_context(request: MemberRequest, number: Any) -> dict[str, Any]:
    page = _page(request, number)
    return {
        "page": page,
        "unread": queries.unread_count(request.user),
        "next": request.get_full_path(),
    }


@require_safe
@member_required
def notification_list(request: MemberRequest) -> HttpResponse:
    """The member's notifications, newest first, the unread ones marked."""
    context = _list_context(request, request.GET.get("page"))
    return render(request, "notifications/list.html", context)


def _mine(request: MemberRequest, pk: int) -> Notification:
    # Another member's notification is not found, rather than forbidden: its existence is
    # theirs too.
    return get_object_or_404(
        Notification.objects.select_related("actor"), pk=pk, recipient=request.user
    )


@require_safe
@member_required
def open_notification(request: MemberRequest, pk: int) -> HttpResponse:
    """Marks the notification read and goes where it points."""
    notification = _mine(request, pk)
    services.mark_read(notification, by=request.user)
    url = notification.url
    # Stored by our own handlers, but only ever a path of this site.
    if not url.startswith("/") or url.startswith("//"):
        url = safe_next(None, "/notifications/")
    return redirect(url)


@require_POST
@member_required
def mark_read(request: MemberRequest, pk: int) -> HttpResponse:
    notification = _mine(request, pk)
    services.mark_read(notification, by=request.user)
    if request.htmx:  # type: ignore[attr-defined]
        context = {"notification": notification, "unread": queries.unread_count(request.user)}
        return render(request, "notifications/_marked.html", context)
    return redirect(safe_next(request.POST.get("next"), "/notifications/"))


@require_POST
@member_required
def mark_all_read(request: MemberRequest) -> HttpResponse:
    services.mark_all_read(by=request.user)
    if request.htmx:  # type: ignore[attr-defined]
        context = _list_context(request, request.POST.get("page"))
        context["oob"] = True
        return render(request, "notifications/_list.html", context)
    messages.success(request, _("All your notifications are marked read."))
    return redirect(safe_next(request.POST.get("next"), "/notifications/"))


@member_required
def preferences(request: MemberRequest) -> HttpResponse:
    """How the member hears of each kind of notification."""
    current = queries.deliveries(request.user)
    form = PreferencesForm(request.POST or None, current=current, member=request.user)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(form.choices(), by=request.user)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form}, status=form_status(form))


@require_safe
@member_required
def mention_candidates(request: MemberRequest) -> JsonResponse:
    """Members whose handle or name begins with what follows an "@" (the mentions script)."""
    typed = request.GET.get("q", "").strip().lstrip("@")[:MENTION_QUERY_CHARS]
    if not typed:
        return JsonResponse({"members": []})
    me = request.user
    found = (
        Member.objects.listed()
        .filter(Q(handle__istartswith=typed) | Q(display_name__istartswith=typed))
        .exclude(pk__in={me.pk, *hidden_member_ids(me)})
        .order_by("display_name", "id")
        .values("handle", "display_name")[:MENTION_RESULTS]
    )
    return JsonResponse(
        {"members": [{"handle": m["handle"], "name": m["display_name"]} for m in found]}
    )


# Exempt from CSRF on purpose. RFC 8058's one-click unsubscribe is a POST that the recipient's
# mail provider sends from its own servers when they press "Unsubscribe": it carries no session
# cookie and no CSRF token, and cannot. The signed token in the address is the permission
# (emails.read_token): only the recipient of the email has it, and the most a forged request
# can do is turn off an email its sender already holds the link to. A GET never unsubscribes:
# mail scanners open links to look at them, so the page asks first (its button POSTs here).
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    read = emails.read_token(token)
    member = None
    if read is not None:
        member = Member.objects.filter(pk=read[0], is_active=True).first()
    if read is None or member is None:
        raise Http404(_("This unsubscribe link is not valid."))
    what = read[1]
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    context: dict[str, Any] = {"what": what, "digest": what == emails.DIGEST, "member": member}
    if what != emails.DIGEST:
        context["kind"] = kinds.get(what)
    if request.method == "POST":
        context["changed"] = services.unsubscribe(member, what)
        context["done"] = True
    return render(request, "notifications/unsubscribe.html", context)
