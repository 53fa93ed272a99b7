"""An event's time as people read it: in a time zone, with its name, dates only when all day."""

import datetime as dt
import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members.timezones import zone_of

from .models import Event


def zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _day(value: dt.date) -> str:
    return date_format(value, "l, F j, Y")


def _time(value: dt.datetime) -> str:
    return date_format(value, "TIME_FORMAT")


def describe(event: Event, tz: dt.tzinfo | None = None) -> str:
    """“Saturday, December 5, 2026, 6 p.m. – 9 p.m.” in `tz` (the active time zone by
    default); an all-day event by its dates alone, the same in every time zone."""
    if event.all_day and event.start_date and event.end_date:
        if event.start_date == event.end_date:
            return _("%(day)s (all day)") % {"day": _day(event.start_date)}
        return _("%(first)s – %(last)s (all day)") % {
            "first": _day(event.start_date),
            "last": _day(event.end_date),
        }
    tz = tz or timezone.get_current_timezone()
    start = timezone.localtime(event.start_at, tz)
    end = timezone.localtime(event.end_at, tz)
    if start.date() == end.date():
        return f"{_day(start.date())}, {_time(start)} – {_time(end)}"
    return f"{_day(start.date())}, {_time(start)} – {_day(end.date())}, {_time(end)}"


def zone_label(tz: dt.tzinfo | None = None) -> str:
    tz = tz or timezone.get_current_timezone()
    return str(getattr(tz, "key", tz))


def viewer_zone(user: object) -> zoneinfo.ZoneInfo | None:
    """The time zone a signed-in member chose, when it is not the one the pages show (the
    active one, the network's); None for visitors and for members without another zone.

    Only ever passed to describe()/in_zone() explicitly: activating it would put the member's
    times into parts of pages that are cached for everyone in the network's time zone."""
    mine = zone_of(user)
    if mine is None or mine.key == timezone.get_current_timezone_name():
        return None
    return mine


def in_zone(event: Event, tz: dt.tzinfo) -> str:
    """The start time in `tz`, for a day of the calendar (in the active time zone): “1 p.m.”,
    with the day too when it is another there (“Fri 9 p.m.”). Empty for an all-day event."""
    if event.all_day:
        return ""
    there = timezone.localtime(event.start_at, tz)
    here = timezone.localtime(event.start_at)
    if there.date() == here.date():
        return _time(there)
    return f"{date_format(there, 'D')} {_time(there)}"
