"""Events for the benchmark network (manage.py generatedata): EVENTS at scale 1, two thirds
in the past (over the network's history) and a third in the coming year, a tenth of them
invited only (with invitations), each with a log-normal number of answers from members who
had joined by then. The manifest names the upcoming list's path and the busiest upcoming
event's page."""

import datetime as dt
from collections.abc import Iterator

from django.utils.text import slugify

from lib.datagen import Context, Made
from lib.markup import render_markdown

from .models import Event, Invitation, Rsvp

EVENTS = 2_000
PAST_SHARE = 2 / 3
INVITED_SHARE = 0.1
MEAN_ANSWERS = 10
MAX_ANSWERS = 300
INVITES = 8
FUTURE_DAYS = 365

TITLES = [
    "Reunion dinner",
    "Career evening",
    "Alumni cricket match",
    "Mushaira night",
    "Clean-up day",
    "Book club",
    "Mentoring breakfast",
    "Fundraising walk",
    "Batch get-together",
    "Annual general meeting",
]
PLACES = ["Lahore", "Karachi", "Islamabad", "Toronto", "Dubai", "London", "Houston", "Online"]
DESCRIPTION = (
    "An evening for alumni of every batch.\n\n"
    "- Meet old friends and new members\n- Light dinner\n\nBring a friend: **all welcome**."
)


def generate(ctx: Context) -> None:
    organisers: list[Made] = ctx.made["contributors"]
    if not organisers:
        return
    total = ctx.scaled(EVENTS)
    html = render_markdown(DESCRIPTION)
    joined = [m.at for m in organisers]
    span = (ctx.now - ctx.start).total_seconds()
    plans: list[tuple[int, dt.datetime, bool]] = []

    def events() -> Iterator[Event]:
        for _ in range(total):
            if ctx.rng.random() < PAST_SHARE:
                start = ctx.start + dt.timedelta(seconds=span * ctx.rng.random())
            else:
                start = ctx.now + dt.timedelta(days=FUTURE_DAYS * ctx.rng.random())
            start = start.replace(minute=0, second=0, microsecond=0)
            able = [m for m, at in zip(organisers, joined, strict=True) if at < start][
                -500:
            ] or organisers[:1]
            organiser = ctx.rng.choice(able)
            invited = ctx.rng.random() < INVITED_SHARE
            title = f"{ctx.rng.choice(TITLES)} in {ctx.rng.choice(PLACES)}"
            created = max(organiser.at, start - dt.timedelta(days=ctx.rng.uniform(3, 60)))
            plans.append((organiser.pk, start, invited))
            yield Event(
                organiser_id=organiser.pk,
                title=title,
                slug=slugify(title),
                description=DESCRIPTION,
                description_html=html,
                start_at=start,
                end_at=start + dt.timedelta(hours=ctx.rng.choice([2, 3, 4, 6])),
                location=title.split(" in ")[-1],
                privacy=Event.Privacy.INVITED if invited else Event.Privacy.PUBLIC,
                created_at=min(created, ctx.now),
                updated_at=min(created, ctx.now),
            )

    ids = ctx.bulk_create("events", Event, events(), total=total)
    members = [m.pk for m in organisers]
    answers = [Rsvp.Answer.ATTENDING] * 6 + [Rsvp.Answer.MAYBE] * 3 + [Rsvp.Answer.NOT_ATTENDING]
    attending: dict[int, int] = {}
    invitations: list[Invitation] = []
    rsvps: list[Rsvp] = []
    for pk, (organiser, start, invited) in zip(ids, plans, strict=True):
        n = min(MAX_ANSWERS, len(members), int(ctx.rng.lognormvariate(1.8, 0.9)))
        guests = ctx.rng.sample(members, n) if n else []
        if invited:
            guests = guests[:INVITES]
            invitations += [
                Invitation(event_id=pk, member_id=g, invited_by_id=organiser)
                for g in guests
                if g != organiser
            ]
        for guest in guests:
            value = ctx.rng.choice(answers)
            attending[pk] = attending.get(pk, 0) + (value == Rsvp.Answer.ATTENDING)
            rsvps.append(
                Rsvp(
                    event_id=pk,
                    member_id=guest,
                    answer=value,
                    created_at=min(ctx.now, start - dt.timedelta(days=1)),
                    updated_at=min(ctx.now, start - dt.timedelta(days=1)),
                    # Past events' reminders went out; the coming ones' are due.
                    reminded_at=start - dt.timedelta(hours=20) if start < ctx.now else None,
                )
            )
    ctx.bulk_create("event invitations", Invitation, iter(invitations), total=len(invitations))
    ctx.bulk_create("event answers", Rsvp, iter(rsvps), total=len(rsvps))
    ctx.progress.start("event counts", len(attending))
    for pk, n in attending.items():
        Event.objects.filter(pk=pk).update(attending_count=n)
    ctx.progress.finish()
    ctx.made["events"] = [Made(pk, start) for pk, (_o, start, _i) in zip(ids, plans, strict=True)]
    upcoming = Event.objects.listed().upcoming(ctx.now)
    busiest = upcoming.order_by("-attending_count", "id").first()
    counts = ctx.manifest.setdefault("counts", {})
    counts["events"] = total
    counts["event_answers"] = len(rsvps)
    ctx.manifest["events"] = {
        "upcoming_path": "/events/",
        "upcoming": upcoming.count(),
        "calendar_path": f"/events/calendar/{ctx.now.year}/{ctx.now.month}/",
        "busiest_path": busiest.get_absolute_url() if busiest else None,
    }
