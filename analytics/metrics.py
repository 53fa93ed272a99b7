"""What the analytics page counts, each metric in one grouped query over its period.

A metric counts rows of one app's table by the bucket (day, week, month in the network's time
zone) their date falls in. Only what the network shows counts: published posts, content not
hidden by a moderator; drafts, scheduled posts and hidden items never do. Members awaiting
approval are not counted as new members until approved. A feature that is off
(Network.features_off) has no chart.

"Active members" counts the distinct members who wrote anything counted here (a post, a
comment, a discussion, a reply, an event, a photo, a video) in the bucket: a member who wrote
ten comments on a day is one active member that day.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Trunc
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from blogs.models import Post
from comments.models import Comment
from events.models import Event
from forum.models import Discussion
from members.models import Member
from photos.models import Photo
from videos.models import Video

from .periods import Window


@dataclass(frozen=True)
class Metric:
    key: str
    title: str | Promise
    # The feature (Network.features_off) without which the metric is not shown; None: always.
    feature: str | None
    # The rows counted, and the names of their date and author fields.
    rows: Callable[[], QuerySet]  # type: ignore[type-arg]
    when: str
    who: str
    # Whether writing one makes a member active.
    activity: bool = True


def _members() -> QuerySet[Member]:
    return Member.objects.local().filter(awaiting_approval=False)


def _posts() -> QuerySet[Post]:
    return Post.objects.published()


def _comments() -> QuerySet[Comment]:
    # Replies in the forum are comments on discussions: counted apart, as replies.
    discussions = ContentType.objects.get_for_model(Discussion)
    return Comment.objects.filter(hidden_at=None, pending_at=None).exclude(content_type=discussions)


def _discussions() -> QuerySet[Discussion]:
    return Discussion.objects.shown()


def _replies() -> QuerySet[Comment]:
    discussions = ContentType.objects.get_for_model(Discussion)
    return Comment.objects.filter(hidden_at=None, pending_at=None, content_type=discussions)


def _events() -> QuerySet[Event]:
    return Event.objects.filter(hidden_at=None, pending_at=None)


def _photos() -> QuerySet[Photo]:
    return Photo.objects.shown()


def _videos() -> QuerySet[Video]:
    return Video.objects.shown()


METRICS: dict[str, Metric] = {
    metric.key: metric
    for metric in (
        Metric("members", _("New members"), None, _members, "date_joined", "pk", activity=False),
        Metric("posts", _("New blog posts"), "blogs", _posts, "published_at", "author"),
        Metric("comments", _("New comments"), None, _comments, "created_at", "author"),
        Metric("discussions", _("New forum discussions"), "forum", _discussions, "created_at",
               "author"),
        Metric("replies", _("New forum replies"), "forum", _replies, "created_at", "author"),
        Metric("events", _("New events"), "events", _events, "created_at", "organiser"),
        Metric("photos", _("New photos"), "photos", _photos, "created_at", "owner"),
        Metric("videos", _("New videos"), "videos", _videos, "created_at", "owner"),
    )
}  # fmt: skip
ACTIVE = "active"
ACTIVE_TITLE = _("Active members")
# Every chart's key, in the page's order: active members after new members.
CHART_KEYS = ("members", ACTIVE, *(key for key in METRICS if key != "members"))


def shown_metrics(features_off: Iterable[str]) -> list[Metric]:
    off = set(features_off)
    return [metric for metric in METRICS.values() if metric.feature not in off]


def chart_keys(features_off: Iterable[str]) -> list[str]:
    shown = {metric.key for metric in shown_metrics(features_off)}
    return [key for key in CHART_KEYS if key == ACTIVE or key in shown]


class Bucket(Trunc):
    """The first day of the bucket a moment falls in, in the network's time zone: the
    database's own truncation (PostgreSQL: date_trunc at the zone).

    SQLite has none: Django truncates there with a Python function called for every row
    (about 0.1 ms a row: 2.5 s for the 30,000 comments of a year). There the bucket edges,
    computed once in Python for this window (summer time included), are compared in SQL
    instead — CASE WHEN at < edge THEN bucket … — which gives the same buckets ten times
    faster."""

    def __init__(self, field: str, window: Window) -> None:
        super().__init__(field, window.period.unit, output_field=DateField(), tzinfo=window.zone)
        self.window = window

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, tuple[Any, ...]]:
        column, column_params = compiler.compile(self.lhs)
        starts = [*self.window.previous_starts, *self.window.starts]
        branches: list[str] = []
        params: list[Any] = []
        for start, following in pairwise(starts):
            edge = connection.ops.adapt_datetimefield_value(self.window.moment(following))
            branches.append(f"WHEN {column} < %s THEN %s")
            params += [*column_params, edge, start.isoformat()]
        return f"CASE {' '.join(branches)} ELSE %s END", (*params, starts[-1].isoformat())


def _bucket(field: str, window: Window) -> Bucket:
    return Bucket(field, window)


def _as_date(value: object) -> dt.date:
    """A bucket as a database gives it outside the ORM: a date or datetime (PostgreSQL), or
    text (SQLite)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class Series:
    """One metric over a window: a value per bucket, the period's total and the previous
    period's."""

    key: str
    points: tuple[tuple[dt.date, int], ...]
    total: int
    previous_total: int

    @property
    def change(self) -> int | None:
        """The total's change on the previous period's, in per cent (None: nothing before)."""
        if not self.previous_total:
            return None
        return round((self.total - self.previous_total) * 100 / self.previous_total)

    @property
    def most(self) -> int:
        return max((n for _start, n in self.points), default=0)


def _in_window[Q: QuerySet](rows: Q, field: str, window: Window) -> Q:  # type: ignore[type-arg]
    return rows.filter(
        **{f"{field}__gte": window.previous_since, f"{field}__lt": window.until}
    ).order_by()


def _series(key: str, counts: dict[dt.date, int], window: Window) -> Series:
    points = tuple((start, counts.get(start, 0)) for start in window.starts)
    previous = sum(n for start, n in counts.items() if start < window.first)
    return Series(key, points, sum(n for _start, n in points), previous)


def count_series(metric: Metric, window: Window) -> Series:
    """One query: the metric's rows of this period and the one before, counted by bucket."""
    rows = (
        _in_window(metric.rows(), metric.when, window)
        .annotate(bucket=_bucket(metric.when, window))
        .values("bucket")
        .annotate(n=Count("pk"))
        .values_list("bucket", "n")
    )
    return _series(metric.key, {_as_date(bucket): n for bucket, n in rows}, window)


def _acts(metrics: Iterable[Metric], window: Window, *columns: str) -> "QuerySet[Any, Any]":
    """Who wrote what counts (and when) in the window: one row per item, all apps together."""
    parts: list[QuerySet[Any, Any]] = [
        _in_window(metric.rows(), metric.when, window)
        .annotate(
            actor=F(metric.who),
            bucket=_bucket(metric.when, window),
            in_period=Case(
                When(**{f"{metric.when}__gte": window.since}, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .values_list(*columns)
        for metric in metrics
        if metric.activity
    ]
    first, *rest = parts
    return (first.union(*rest, all=True) if rest else first).order_by()


def _run(rows: "QuerySet[Any, Any]", outer: str, *more: int) -> list[tuple[Any, ...]]:
    """`outer` (SQL reading the table `acts`, then taking the parameters `more`) run over the
    rows' query as a subquery."""
    sql, params = rows.query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(outer.format(acts=f"({sql}) acts"), (*params, *more))
        found: list[tuple[Any, ...]] = cursor.fetchall()
        return found


def active_series(metrics: Iterable[Metric], window: Window) -> Series:
    """Two queries: distinct active members by bucket, and in each whole period (a member
    active on many days counts once in the period's total)."""
    metrics = [metric for metric in metrics if metric.activity]
    if not metrics:
        return _series(ACTIVE, {}, window)
    by_bucket = _run(
        _acts(metrics, window, "bucket", "actor"),
        "SELECT bucket, COUNT(DISTINCT actor) FROM {acts} GROUP BY bucket",
    )
    by_period: dict[int, int] = dict(
        _run(
            _acts(metrics, window, "in_period", "actor"),
            "SELECT in_period, COUNT(DISTINCT actor) FROM {acts} GROUP BY in_period",
        )
    )
    points = {_as_date(bucket): int(n) for bucket, n in by_bucket}
    current = tuple((start, points.get(start, 0)) for start in window.starts)
    return Series(ACTIVE, current, int(by_period.get(1, 0)), int(by_period.get(0, 0)))


def most_active(metrics: Iterable[Metric], window: Window, limit: int) -> list[tuple[int, int]]:
    """(member id, how many things they wrote) for the period's most active members, most
    first: one query."""
    metrics = [metric for metric in metrics if metric.activity]
    if not metrics:
        return []
    rows = _run(
        _acts(metrics, window, "actor", "in_period"),
        "SELECT actor, COUNT(*) AS n FROM {acts} WHERE in_period = 1 "
        "GROUP BY actor ORDER BY n DESC, actor LIMIT %s",
        limit,
    )
    return [(int(actor), int(n)) for actor, n in rows]
