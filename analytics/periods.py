"""The periods the analytics page shows, and the buckets (days, weeks, months) they are cut into.

A bucket is named by the date it starts on, in the network's time zone: a day, the Monday of a
week (ISO weeks, as the databases truncate them), the first of a month. A period ends with the
bucket holding today (so the last bucket is still filling) and is compared with the period of
the same length just before it.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

type Unit = Literal["day", "week", "month"]


@dataclass(frozen=True)
class Period:
    key: str
    label: str | Promise  # in the select
    span: str | Promise  # in a sentence
    unit: Unit
    buckets: int


PERIODS: dict[str, Period] = {
    period.key: period
    for period in (
        Period("30d", _("The last 30 days, by day"), _("the last 30 days"), "day", 30),
        Period("26w", _("The last 26 weeks, by week"), _("the last 26 weeks"), "week", 26),
        Period("12m", _("The last 12 months, by month"), _("the last 12 months"), "month", 12),
    )
}
DEFAULT_PERIOD = "30d"


def bucket_start(day: dt.date, unit: Unit) -> dt.date:
    """The first day of the bucket holding `day`."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def shift(start: dt.date, unit: Unit, count: int) -> dt.date:
    """The bucket `count` buckets after (or, negative, before) the bucket starting on `start`."""
    if unit == "day":
        return start + dt.timedelta(days=count)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    months = start.year * 12 + start.month - 1 + count
    return dt.date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class Window:
    """One period as of one day: its buckets and the moments that bound it and the period
    before it (aware datetimes in the network's time zone, the end excluded)."""

    period: Period
    zone: ZoneInfo
    starts: tuple[dt.date, ...]
    previous_first: dt.date
    end: dt.date  # the day after the last bucket

    @property
    def previous_starts(self) -> tuple[dt.date, ...]:
        """The buckets of the period before, as `starts`."""
        unit, first = self.period.unit, self.previous_first
        return tuple(shift(first, unit, i) for i in range(self.period.buckets))

    @property
    def first(self) -> dt.date:
        return self.starts[0]

    def moment(self, day: dt.date) -> dt.datetime:
        """Midnight of `day` in the network's time zone."""
        return dt.datetime.combine(day, dt.time.min, tzinfo=self.zone)

    @property
    def since(self) -> dt.datetime:
        return self.moment(self.first)

    @property
    def previous_since(self) -> dt.datetime:
        return self.moment(self.previous_first)

    @property
    def until(self) -> dt.datetime:
        return self.moment(self.end)


def window(period: Period, zone: ZoneInfo, now: dt.datetime) -> Window:
    today = now.astimezone(zone).date()
    last = bucket_start(today, period.unit)
    first = shift(last, period.unit, -(period.buckets - 1))
    starts = tuple(shift(first, period.unit, i) for i in range(period.buckets))
    return Window(
        period=period,
        zone=zone,
        starts=starts,
        previous_first=shift(first, period.unit, -period.buckets),
        end=shift(last, period.unit, 1),
    )
