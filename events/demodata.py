"""The demo network's events (manage.py loaddemo): a few past and upcoming gatherings of an
alumni network, with answers, an invited-only committee meeting and a comment or two.
Written through the services, muted as the loader runs (no emails go out)."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError

from comments.models import Comment
from comments.services import add_comment
from lib.datagen import DemoContext
from members.models import Member

from .models import Event, Rsvp
from .services import EventData, all_day_span, answer, invite, save_event
from .when import zone


@dataclass(frozen=True)
class DemoEvent:
    organiser: str
    title: str
    description: str
    # Days from now (negative: past) and the local start hour; None: all day.
    days: int
    hour: int | None
    hours: float = 3
    location: str = ""
    invited_only: bool = False
    limit: int | None = None
    guests: dict[str, str] = field(default_factory=dict)
    invited: tuple[str, ...] = ()
    comments: tuple[tuple[str, str], ...] = ()


EVENTS = [
    DemoEvent(
        "ayesha",
        "Winter reunion dinner",
        "Our yearly dinner for every batch. Bring old photos: we will put them on the wall "
        "for the evening.\n\n- Dinner at **8 pm**\n- Group photo at 10",
        days=12,
        hour=19,
        hours=4,
        location="Pearl Continental, Lahore",
        limit=120,
        guests={"omar": "yes", "mehreen": "yes", "hassan": "maybe", "priya": "no"},
        comments=(("omar", "Count me in, and my old cricket team too."),),
    ),
    DemoEvent(
        "omar",
        "Career evening: working abroad",
        "Alumni in Toronto, Dubai and London talk about moving for work: visas, first jobs "
        "and what they wish they had known. Questions welcome.",
        days=5,
        hour=18,
        hours=2,
        location="Online (the link goes to those who answer)",
        guests={"daniel": "yes", "fatima": "maybe", "kabir": "yes"},
    ),
    DemoEvent(
        "mehreen",
        "Clean-up day at the old campus",
        "A morning of planting trees and painting the boundary wall. Gloves and lunch are on us.",
        days=26,
        hour=None,
        location="Government College campus",
        guests={"samina": "yes", "rashid": "yes"},
    ),
    DemoEvent(
        "ayesha",
        "Reunion committee meeting",
        "Budget and venue for next year's reunion. Committee members only.",
        days=3,
        hour=20,
        hours=1.5,
        location="Video call",
        invited_only=True,
        invited=("omar", "mehreen"),
        guests={"omar": "yes"},
    ),
    DemoEvent(
        "hassan",
        "Mushaira night",
        "An evening of Urdu poetry read by alumni: غزلیں، نظمیں اور پرانی یادیں.",
        days=-20,
        hour=20,
        hours=3,
        location="Alhamra Arts Council, Lahore",
        guests={"ayesha": "yes", "lena": "yes", "kabir": "maybe"},
        comments=(("lena", "What a night. Thank you to every poet!"),),
    ),
    DemoEvent(
        "priya",
        "Alumni cricket match",
        "Batch of the nineties against the batch of the two-thousands. Tea at the break.",
        days=-45,
        hour=14,
        hours=5,
        location="Model Town ground",
        guests={"daniel": "yes", "omar": "yes"},
    ),
]


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    network_zone = zone(_network_zone())
    made: dict[str, Event] = {}
    for demo in EVENTS:
        organiser = members.get(demo.organiser)
        if organiser is None:
            continue
        day = (ctx.now + dt.timedelta(days=demo.days)).astimezone(network_zone).date()
        if demo.hour is None:
            start, end = all_day_span(day, day, network_zone)
        else:
            start = dt.datetime.combine(day, dt.time(demo.hour), tzinfo=network_zone)
            end = start + dt.timedelta(hours=demo.hours)
        data = EventData(
            title=demo.title,
            description=demo.description,
            start_at=start,
            end_at=end,
            all_day=demo.hour is None,
            start_date=day if demo.hour is None else None,
            end_date=day if demo.hour is None else None,
            location=demo.location,
            privacy=Event.Privacy.INVITED if demo.invited_only else Event.Privacy.PUBLIC,
            attendee_limit=demo.limit,
        )
        event = save_event(Event(), data, by=organiser)
        created = min(ctx.now, start) - dt.timedelta(days=ctx.rng.uniform(7, 30))
        Event.objects.filter(pk=event.pk).update(created_at=created, updated_at=created)
        ctx.saw(organiser.pk, created)
        invitees = [members[k] for k in demo.invited if k in members]
        if invitees:
            invite(event, invitees, by=organiser)
        for key, value in demo.guests.items():
            guest = members.get(key)
            if guest is None:
                continue
            _answer_as_of(event, value, guest, ctx.now, start)
        for i, (key, text) in enumerate(demo.comments):
            writer = members.get(key)
            if writer is not None:
                try:
                    comment = add_comment(event, writer, text)
                except PermissionDenied:
                    continue
                # Written after the event was announced, never in the future.
                said = min(ctx.now, created + dt.timedelta(days=i + 1, hours=5))
                Comment.objects.filter(pk=comment.pk).update(created_at=said)
        made[demo.title] = event
    ctx.made["events"] = made
    ctx.count("events", len(made))


def _answer_as_of(
    event: Event, value: str, guest: Member, now: dt.datetime, start: dt.datetime
) -> None:
    """An answer to a past event is written as it was given, before the event."""
    if start > now:
        try:
            answer(event, value, by=guest)
        except (PermissionDenied, ValidationError):
            return
        return
    Rsvp.objects.create(event=event, member=guest, answer=value, reminded_at=start)
    if value == Rsvp.Answer.ATTENDING:
        Event.objects.filter(pk=event.pk).update(attending_count=event.attending_count + 1)
        event.attending_count += 1


def _network_zone() -> str:
    from network.services import current_network

    network = current_network()
    return network.time_zone if network else "UTC"
