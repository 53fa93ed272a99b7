"""What events add to the other apps, registered in EventsConfig.ready(): comments and likes
on an event, its activity line, the notification kinds (invitations, reminders), the home,
member page and navigation sections, the reminders' job and the removal step."""

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from lib import sections
from lib.cachetags import cached_fragment, depends_on
from members.permissions import is_member

from . import when
from .models import EVENTS_TAG, Event, event_tag
from .permissions import can_view_event

HOME_EVENTS = 5
MEMBER_EVENTS = 5


def _invitation_sentence(n: Any) -> str:
    return _("%(actor)s invited you to “%(title)s”")


def _reminder_sentence(n: Any) -> str:
    return _("Reminder: “%(title)s” starts within a day")


def _can_view_entry(viewer: object, entry: Any, target: Any, on: Any) -> bool:
    return isinstance(target, Event) and can_view_event(viewer, target)


def upcoming_section(request: HttpRequest, _obj: Any) -> str:
    """The next few events the viewer may see. Visitors (and members with the same view) get
    a fragment rendered once per hour, language and time zone until an event changes."""
    depends_on(EVENTS_TAG)
    user = request.user
    now = timezone.now()

    def render(events: Any, yours: Any = None) -> str:
        return render_to_string(
            "events/_home_section.html",
            {
                "events": events,
                "zone_name": timezone.get_current_timezone_name(),
                "your_zone": yours,
            },
        )

    if not is_member(user):
        name = f"home-events:{get_language()}:{timezone.get_current_timezone_name()}:{now:%Y%m%d%H}"
        return cached_fragment(
            name,
            lambda: render(list(Event.objects.listed().upcoming(now).for_listing()[:HOME_EVENTS])),
            [EVENTS_TAG],
        )
    # A member's page part is theirs (not cached): with their own time zone, if they chose one.
    events = Event.objects.visible_to(user).upcoming(now).for_listing()[:HOME_EVENTS]
    return render(list(events), when.viewer_zone(user))


def member_section(request: HttpRequest, member: Any) -> str:
    """The member's upcoming events, those the viewer may see."""
    depends_on(EVENTS_TAG)
    events = list(
        Event.objects.visible_to(request.user)
        .filter(organiser=member)
        .upcoming()
        .for_listing()[:MEMBER_EVENTS]
    )
    if not events:
        return ""
    return render_to_string(
        "events/_member_section.html",
        {"events": events, "member": member, "your_zone": when.viewer_zone(request.user)},
    )


def nav_link(request: HttpRequest, _user: Any) -> str:
    return format_html('<a href="{}">{}</a>', reverse("events:upcoming"), _("Events"))


def register_all() -> None:
    from activity import registry as activity
    from comments.registry import Commentable
    from comments.registry import register as register_commentable
    from lib import scheduler
    from likes import registry as likes
    from members import removal
    from notifications import kinds
    from notifications.kinds import Delivery

    from . import services

    register_commentable(
        Commentable(
            model=Event,
            kind="event",
            author_id=lambda event: event.organiser_id,  # type: ignore[attr-defined]
            can_view=can_view_event,  # type: ignore[arg-type]
            is_open=lambda event: not event.is_hidden,  # type: ignore[attr-defined]
            page_tag=lambda event: event_tag(event.pk),
            count_tags=lambda event: [EVENTS_TAG],
        )
    )
    likes.register(
        likes.Likeable(
            model=Event,
            kind="event",
            can_view=can_view_event,  # type: ignore[arg-type]
            owner_id=lambda event: event.organiser_id,  # type: ignore[attr-defined]
            url=lambda event: event.get_absolute_url(),  # type: ignore[attr-defined]
            count_tags=lambda event: [f"likes:event:{event.pk}"],
            is_open=lambda event: not event.is_hidden,  # type: ignore[attr-defined]
        )
    )
    activity.register(
        activity.Kind(
            event="events.created",
            template="events/_activity_created.html",
            owner=lambda event: event.target.organiser_id,  # type: ignore[union-attr]
            can_view=_can_view_entry,
            once=True,
            tags=lambda on: [event_tag(on.pk)] if on is not None else [],
            removed_by=("events.deleted",),
            hidden_by=("events.hidden",),
            shown_by=("events.shown",),
            history=_created_history,
        )
    )
    kinds.register(
        kinds.Kind(
            name="event-invitation",
            label=gettext_lazy("Invitations to events"),
            default=Delivery.EMAIL,
            sentence=_invitation_sentence,
            order=60,
        )
    )
    kinds.register(
        kinds.Kind(
            name="event-reminder",
            label=gettext_lazy("Reminders of events I attend (a day before)"),
            default=Delivery.EMAIL,
            sentence=_reminder_sentence,
            order=61,
        )
    )
    sections.register("home", "events.upcoming", upcoming_section, order=15)
    sections.register("member", "events.organised", member_section, order=40)
    sections.register("main_nav", "events.nav", nav_link, order=30)
    scheduler.register("event-reminders", services.REMIND_EVERY, services.send_reminders_task)
    removal.register("events", services.delete_events_of)
    # A member who leaves keeping their content keeps their events (shown as organised by a
    # former member); their answers and invitations go.
    register_leaving = getattr(removal, "register_leaving", None)
    if register_leaving is not None:
        register_leaving("events.answers", services.forget_answers_of)


def _created_history() -> Iterator[tuple[Any, Event, datetime]]:
    """Each event made so far (activity.registry.Kind.history)."""
    for event in Event.objects.approved().select_related("organiser").order_by("created_at", "id"):
        yield event.organiser, event, event.created_at
