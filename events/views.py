import calendar
import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.cachetags import cached_fragment, depends_on
from lib.http import MemberRequest, NetworkRequest, form_status
from lib.pagecache import cache_for_visitors
from lib.pagination import lazy_page, page_ids
from members.decorators import contributor_required, member_required, moderator_required

from . import ics, permissions, services, when
from .forms import EventForm, InviteForm, RsvpForm, find_members, split_names
from .models import EVENTS_TAG, Event, EventQuerySet, Rsvp, event_tag

EVENTS_PER_PAGE = 20
# The calendar shows at most this many events of a month (a sensible bound, not a page).
MONTH_EVENTS = 500
GUESTS_SHOWN = 200
MINE_SHOWN = 50
FEED_EVENTS = 200


def _page(request: NetworkRequest, events: EventQuerySet) -> Any:
    """The page of `events` asked for: their ids from the index (the list of which events is
    "upcoming" moves with the clock, so it is read every time); the rows only if their
    entries are not cached (_entries)."""
    ids = Paginator(events.values_list("pk", flat=True), EVENTS_PER_PAGE)
    return lazy_page(
        ids.get_page(request.GET.get("page")),
        lambda pks: Event.objects.filter(pk__in=pks).for_listing(),
    )


def _entries(page: Any, yours: zoneinfo.ZoneInfo | None = None) -> str:
    """The page's entries, the same for everyone who may see them: rendered once per
    language and time zone until an event, an RSVP count, a comment count or a name changes.
    `yours`: a member's own time zone (when.viewer_zone), shown under each time too; their
    entries are kept apart, per zone (one for everyone in London), and visitors' key is
    unchanged by it."""
    if not page_ids(page):
        return ""
    pks = ",".join(map(str, page_ids(page)))
    where = f"{get_language()}:{timezone.get_current_timezone_name()}"
    if yours is not None:
        where = f"{where}:{yours.key}"
    return cached_fragment(
        f"events:entries:{pks}:{where}",
        lambda: render_to_string(
            "events/_entries.html", {"events": page.object_list, **_your_zone(yours)}
        ),
        [EVENTS_TAG, "people"],
    )


def _your_zone(yours: zoneinfo.ZoneInfo | None) -> dict[str, Any]:
    return {"your_zone": yours, "your_zone_name": yours.key if yours else ""}


def _zone_context(request: NetworkRequest | None = None) -> dict[str, Any]:
    """The network's time zone, which the pages show; a signed-in member's own, when they
    chose another, as `your_zone` (a ZoneInfo) and `your_zone_name`."""
    yours = when.viewer_zone(request.user) if request is not None else None
    return {"zone_name": when.zone_label(), **_your_zone(yours)}


@cache_for_visitors(query=("page",))
def upcoming(request: NetworkRequest) -> HttpResponse:
    depends_on(EVENTS_TAG)
    page = _page(request, Event.objects.visible_to(request.user).upcoming())
    zones = _zone_context(request)
    return render(
        request,
        "events/list.html",
        {
            "page": page,
            "entries": _entries(page, zones["your_zone"]),
            "which": "upcoming",
            "can_create": permissions.can_create_events(request.user),
            **zones,
        },
    )


@cache_for_visitors(query=("page",))
def past(request: NetworkRequest) -> HttpResponse:
    depends_on(EVENTS_TAG)
    page = _page(request, Event.objects.visible_to(request.user).past())
    zones = _zone_context(request)
    return render(
        request,
        "events/list.html",
        {
            "page": page,
            "entries": _entries(page, zones["your_zone"]),
            "which": "past",
            "can_create": permissions.can_create_events(request.user),
            **zones,
        },
    )


def calendar_now(request: NetworkRequest) -> HttpResponse:
    today = timezone.localdate()
    return redirect("events:calendar", year=today.year, month=today.month)


@cache_for_visitors
def calendar_month(request: NetworkRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 1900 <= year <= 9998):
        raise Http404
    depends_on(EVENTS_TAG)
    tz = timezone.get_current_timezone()
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    start = dt.datetime.combine(first_day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    events = list(
        Event.objects.visible_to(request.user)
        .between(start, end)
        .order_by("start_at", "id")
        .only("id", "slug", "title", "start_at", "end_at", "all_day", "start_date", "end_date")[
            :MONTH_EVENTS
        ]
    )
    zones = _zone_context(request)
    yours = zones["your_zone"]
    # Days are the network's; a member in another zone sees each start in theirs beside it.
    on_day: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        item = {"event": event, "yours": when.in_zone(event, yours) if yours else ""}
        day, last = event.local_days(tz)
        day = max(day, first_day)
        while day <= min(last, last_day):
            on_day[day].append(item)
            day += dt.timedelta(days=1)
    today = timezone.localdate()
    grid = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "today": day == today,
                "events": on_day.get(day, []),
            }
            for day in week
        ]
        for week in weeks
    ]
    this = dt.date(year, month, 1)
    previous = this - dt.timedelta(days=1)
    following = this + dt.timedelta(days=32)
    return render(
        request,
        "events/calendar.html",
        {
            "grid": grid,
            "month": this,
            "month_name": date_format(this, "YEAR_MONTH_FORMAT"),
            "weekday_dates": weeks[0],
            "previous": previous,
            "following": following,
            "too_many": len(events) >= MONTH_EVENTS,
            **zones,
        },
    )


@member_required
def mine(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    visible = Event.objects.visible_to(request.user)
    organising = visible.filter(organiser=request.user).upcoming(now).for_listing()[:MINE_SHOWN]
    answered = (
        visible.filter(
            rsvps__member=request.user,
            rsvps__answer__in=[Rsvp.Answer.ATTENDING, Rsvp.Answer.MAYBE],
        )
        .upcoming(now)
        .for_listing()[:MINE_SHOWN]
    )
    return render(
        request,
        "events/mine.html",
        {"organising": organising, "attending": answered, **_zone_context(request)},
    )


def _guests(event: Event) -> dict[str, Any]:
    groups: dict[str, list[Any]] = {value: [] for value in Rsvp.Answer.values}
    counts: dict[str, int] = dict.fromkeys(Rsvp.Answer.values, 0)
    rows = (
        Rsvp.objects.filter(event=event)
        .select_related("member")
        .order_by("answer", "created_at", "pk")
    )
    for rsvp in rows:
        counts[rsvp.answer] += 1
        if len(groups[rsvp.answer]) < GUESTS_SHOWN:
            groups[rsvp.answer].append(rsvp.member)
    return {
        "groups": [
            {
                "answer": value,
                "label": label,
                "members": groups[value],
                "count": counts[value],
                "more": counts[value] - len(groups[value]),
            }
            for value, label in Rsvp.Answer.choices
        ]
    }


def _rsvp_context(request: NetworkRequest, event: Event) -> dict[str, Any]:
    mine = (
        Rsvp.objects.filter(event=event, member=request.user)
        .values_list("answer", flat=True)
        .first()
        if request.user.is_authenticated
        else None
    )
    return {
        "event": event,
        "my_answer": mine,
        "can_rsvp": permissions.can_rsvp(request.user, event),
        "answers": Rsvp.Answer.choices,
        **_guests(event),
    }


@cache_for_visitors(query=("comments",))
def detail(request: NetworkRequest, pk: int, slug: str = "") -> HttpResponse:
    depends_on(event_tag(pk))
    event = get_object_or_404(
        Event.objects.visible_to(request.user).select_related("organiser"), pk=pk
    )
    if slug != event.slug:
        return redirect(event, permanent=True)
    user = request.user
    zones = _zone_context(request)
    yours = zones["your_zone"]
    context = {
        **_rsvp_context(request, event),
        "when": when.describe(event),
        # All-day events are by date, the same in every time zone: no second line.
        "your_when": when.describe(event, yours) if yours and not event.all_day else "",
        "can_edit": permissions.can_edit_event(user, event),
        "can_delete": permissions.can_delete_event(user, event),
        "can_hide": permissions.can_hide_event(user, event),
        "can_invite": permissions.can_invite(user, event),
        **zones,
    }
    if context["can_invite"] and not event.is_public:
        context["invited"] = [
            i.member
            for i in event.invitations.select_related("member").order_by("created_at")[
                :GUESTS_SHOWN
            ]
        ]
    return render(request, "events/detail.html", context)


def _event_for(
    request: MemberRequest, pk: int, allowed: Callable[[object, Event], bool], refusal: str
) -> Event:
    event = get_object_or_404(
        Event.objects.visible_to(request.user).select_related("organiser"), pk=pk
    )
    if not allowed(request.user, event):
        raise PermissionDenied(refusal)
    return event


@contributor_required
def create(request: MemberRequest) -> HttpResponse:
    return _edit(request, Event(organiser=request.user))


@member_required
def edit(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event_for(
        request,
        pk,
        permissions.can_edit_event,
        _("Only the organiser or an administrator can change this event."),
    )
    return _edit(request, event)


def _edit(request: MemberRequest, event: Event) -> HttpResponse:
    form = EventForm(request.POST or None, request.FILES or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_event(
                event,
                form.event_data(),
                by=request.user,
                image=form.cleaned_data.get("image"),
                remove_image=bool(form.cleaned_data.get("remove_image")),
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            if saved.is_pending:
                messages.success(
                    request, _("The event is saved: it waits for a moderator's approval.")
                )
            else:
                messages.success(request, _("The event is saved."))
            return redirect(saved)
    return render(
        request,
        "events/form.html",
        {"form": form, "event": event, **_zone_context()},
        status=form_status(form),
    )


@member_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event_for(
        request, pk, permissions.can_delete_event, _("You cannot delete this event.")
    )
    if request.method == "POST":
        services.delete_event(event, by=request.user)
        messages.success(request, _("The event “%s” is deleted.") % event.title)
        return redirect("events:upcoming")
    return render(request, "events/confirm_delete.html", {"event": event})


def _set_hidden(request: MemberRequest, pk: int, hidden: bool) -> HttpResponse:
    event = _event_for(
        request, pk, permissions.can_hide_event, _("Only the network's moderators can do this.")
    )
    if request.method == "POST":
        services.set_hidden(event, hidden, by=request.user)
        messages.success(
            request, _("The event is hidden.") if hidden else _("The event is shown again.")
        )
        return redirect(event)
    return render(request, "events/confirm_hide.html", {"event": event, "hide": hidden})


@moderator_required
def hide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, True)


@moderator_required
def unhide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, False)


@require_POST
@member_required
def rsvp(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event_for(request, pk, permissions.can_rsvp, _("You cannot answer for this event."))
    form = RsvpForm(request.POST)
    error = ""
    if not form.is_valid():
        error = _("Please choose attending, maybe or not attending.")
    else:
        try:
            services.answer(event, form.cleaned_data["answer"], by=request.user)
        except ValidationError as e:
            error = " ".join(e.messages)
    if request.htmx:  # type: ignore[attr-defined]
        context = {**_rsvp_context(request, event), "rsvp_error": error}
        # htmx swaps 2xx and 400 answers: a refusal is shown in place.
        return render(request, "events/_rsvp.html", context, status=400 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Your answer is saved."))
    return redirect(event)


@member_required
def invite(request: MemberRequest, pk: int) -> HttpResponse:
    """Two steps, as a new message's recipients: the organiser types names (GET: the mentions
    script suggests them) and the page shows whom they name and what is wrong; confirming
    (POST, the members' @addresses) invites them."""
    event = _event_for(
        request,
        pk,
        permissions.can_invite,
        _("Only the organiser or an administrator can invite."),
    )
    if request.method == "POST":
        handles = split_names(",".join(request.POST.getlist("handles"))[:5000])
        found, problems = _invitees(event, [f"@{h.lstrip('@')}" for h in handles])
        if not problems:
            invited = services.invite(event, found, by=request.user)
            messages.success(
                request,
                _("%(n)d members invited; they are told.") % {"n": len(invited)}
                if invited
                else _("They were all invited already."),
            )
            return redirect(event)
        form = InviteForm(initial={"names": ", ".join(handles)})
        status = 400
    else:
        form = InviteForm(request.GET if "names" in request.GET else None)
        found, problems = [], []
        if form.is_bound and form.is_valid():
            found, problems = _invitees(event, split_names(form.cleaned_data["names"]))
        status = form_status(form)
    return render(
        request,
        "events/invite.html",
        {"event": event, "form": form, "found": found, "problems": problems},
        status=status,
    )


def _invitees(event: Event, entries: list[str]) -> tuple[list[Any], list[str]]:
    if len(entries) > services.MAX_INVITES:
        return [], [_("At most %(max)d members at a time, please.") % {"max": services.MAX_INVITES}]
    found, problems = find_members(entries)
    found = [m for m in found if m.pk != event.organiser_id]
    if not found and not problems:
        problems = [_("Please name at least one member other than the organiser.")]
    return found, problems


def event_ics(request: NetworkRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.visible_to(request.user).select_related("organiser"), pk=pk
    )
    content = ics.calendar_of(
        [event], request, name=request.network.name, time_zone=request.network.time_zone
    )
    return ics.response(content, f"event-{event.pk}.ics")


def upcoming_ics(request: NetworkRequest) -> HttpResponse:
    events = (
        Event.objects.visible_to(request.user).upcoming().select_related("organiser")[:FEED_EVENTS]
    )
    content = ics.calendar_of(
        events, request, name=request.network.name, time_zone=request.network.time_zone
    )
    return ics.response(content, "events.ics")
