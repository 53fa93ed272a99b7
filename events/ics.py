"""iCalendar files (RFC 5545) of one event or of the upcoming ones, with `icalendar`."""

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as VEvent

from lib.markup import html_to_text

from .models import Event
from .when import zone

PRODID = "-//Anjuman//Events//EN"


def uid(event: Event, host: str) -> str:
    """The same for an event on every download from this host: calendars update it in place."""
    return f"event-{event.pk}@{host}"


def _component(event: Event, request: HttpRequest, tz: dt.tzinfo) -> VEvent:
    host = request.get_host().split(":")[0]
    url = request.build_absolute_uri(event.get_absolute_url())
    item = VEvent()
    item.add("uid", uid(event, host))
    item.add("dtstamp", timezone.now())
    item.add("created", event.created_at)
    item.add("last-modified", event.updated_at)
    if event.all_day and event.start_date and event.end_date:
        # VALUE=DATE, the end exclusive: the day after the last.
        item.add("dtstart", event.start_date)
        item.add("dtend", event.end_date + dt.timedelta(days=1))
    else:
        item.add("dtstart", timezone.localtime(event.start_at, tz))
        item.add("dtend", timezone.localtime(event.end_at, tz))
    item.add("summary", event.title)
    description = html_to_text(event.description_html).strip()
    item.add("description", f"{description}\n\n{url}" if description else url)
    if event.location:
        item.add("location", event.location)
    item.add("url", event.website or url)
    organiser = vCalAddress(request.build_absolute_uri(event.organiser.get_absolute_url()))
    organiser.params["cn"] = vText(event.organiser_label)
    item.add("organizer", organiser)
    item.add("status", "CONFIRMED")
    item.add("class", "PUBLIC" if event.is_public else "PRIVATE")
    return item


def calendar_of(
    events: Iterable[Event], request: HttpRequest, *, name: str, time_zone: str
) -> bytes:
    tz = zone(time_zone)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_component(event, request, tz))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def response(content: bytes, filename: str) -> HttpResponse:
    answer = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer
