"""Events for the tests, written through the services as a member would."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from events.models import Event
from events.services import EventData, all_day_span, save_event
from members.models import Member

KARACHI = ZoneInfo("Asia/Karachi")


def make_event(
    organiser: Member,
    title: str = "Alumni dinner",
    *,
    start: dt.datetime | None = None,
    hours: float = 3,
    invited_only: bool = False,
    **fields: Any,
) -> Event:
    start = start or timezone.now() + dt.timedelta(days=7)
    data = EventData(
        title=title,
        description=fields.pop("description", "Dinner with **old friends**."),
        start_at=start,
        end_at=start + dt.timedelta(hours=hours),
        privacy=Event.Privacy.INVITED if invited_only else Event.Privacy.PUBLIC,
        **fields,
    )
    return save_event(Event(), data, by=organiser)


def make_all_day_event(
    organiser: Member, title: str, first: dt.date, last: dt.date, **fields: Any
) -> Event:
    start, end = all_day_span(first, last, KARACHI)
    data = EventData(
        title=title,
        description="",
        start_at=start,
        end_at=end,
        all_day=True,
        start_date=first,
        end_date=last,
        **fields,
    )
    return save_event(Event(), data, by=organiser)
