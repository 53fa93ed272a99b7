"""The analytics page's figures for one period: a series per chart and the period's top
content, computed in a fixed number of queries and kept for a few minutes (administrators
reload the page; the figures need not be to the second)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Model, QuerySet
from django.utils import timezone

from blogs.models import Post
from comments.models import Comment
from forum.models import Discussion
from lib.cachetags import cached
from likes.models import Like
from members.models import Member

from .metrics import (
    ACTIVE,
    METRICS,
    Series,
    active_series,
    chart_keys,
    count_series,
    shown_metrics,
)
from .metrics import most_active as most_active_ids
from .periods import Period, Window, window

# How long the figures are kept before they are counted again.
CACHE_SECONDS = 300
# How many items each "top" list shows.
TOP = 10
# What a line of a top list shows of a post or discussion (left_at: whether its author left).
POST_FIELDS = ("title", "slug", "author__display_name", "author__handle", "author__left_at")


@dataclass(frozen=True)
class TopItem:
    """One line of a top list: what (linked) and how many; for content, by whom."""

    title: str
    url: str
    count: int
    by: str = ""
    by_url: str = ""


@dataclass(frozen=True)
class Report:
    window: Window
    series: tuple[Series, ...]
    most_commented: tuple[TopItem, ...]
    most_liked: tuple[TopItem, ...]
    most_viewed: tuple[TopItem, ...]
    most_replied: tuple[TopItem, ...]
    most_active: tuple[TopItem, ...]

    def series_of(self, key: str) -> Series | None:
        return next((s for s in self.series if s.key == key), None)


def _counted_targets(
    rows: QuerySet[Comment] | QuerySet[Like], model: type[Model], window: Window
) -> list[tuple[int, int]]:
    """(target id, count) of the rows on `model`'s rows made in the period, most first."""
    found = (
        rows.filter(
            content_type=ContentType.objects.get_for_model(model),
            created_at__gte=window.since,
            created_at__lt=window.until,
        )
        .values("object_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "object_id")
        .values_list("object_id", "n")[:TOP]
    )
    return [(int(pk), n) for pk, n in found]


def _post_items(counts: list[tuple[int, int]]) -> tuple[TopItem, ...]:
    posts = (
        Post.objects.published()
        .select_related("author")
        .only(*POST_FIELDS)
        .in_bulk([pk for pk, _n in counts])
    )
    return tuple(_post_item(posts[pk], n) for pk, n in counts if pk in posts)


def _post_item(post: Post, count: int) -> TopItem:
    return _item(post.title, post.get_absolute_url(), count, post.author)


def _item(title: str, url: str, count: int, author: Member) -> TopItem:
    """A line naming its author, but no former member (they left, their content kept)."""
    if author.is_former:
        return TopItem(title, url, count)
    return TopItem(title, url, count, author.display_name, author.get_absolute_url())


def most_commented_posts(window: Window) -> tuple[TopItem, ...]:
    published = Post.objects.published().values("pk")
    rows = Comment.objects.filter(hidden_at=None, pending_at=None, object_id__in=published)
    return _post_items(_counted_targets(rows, Post, window))


def most_liked_posts(window: Window) -> tuple[TopItem, ...]:
    published = Post.objects.published().values("pk")
    return _post_items(_counted_targets(Like.objects.filter(object_id__in=published), Post, window))


def most_viewed_posts(window: Window) -> tuple[TopItem, ...]:
    """The posts published in the period that were read most (their views since)."""
    posts = (
        Post.objects.published()
        .filter(published_at__gte=window.since, published_at__lt=window.until, view_count__gt=0)
        .select_related("author")
        .only(*POST_FIELDS, "view_count")
        .order_by("-view_count", "-id")[:TOP]
    )
    return tuple(_post_item(post, post.view_count) for post in posts)


def most_replied_discussions(window: Window) -> tuple[TopItem, ...]:
    """Discussions everyone may read (none of a private group's) with the most replies."""
    readable = Discussion.objects.for_everyone().values("pk")
    rows = Comment.objects.filter(hidden_at=None, pending_at=None, object_id__in=readable)
    counts = _counted_targets(rows, Discussion, window)
    found = (
        Discussion.objects.for_everyone()
        .select_related("author")
        .only(*POST_FIELDS)
        .in_bulk([pk for pk, _n in counts])
    )
    return tuple(
        _item(found[pk].title, found[pk].get_absolute_url(), n, found[pk].author)
        for pk, n in counts
        if pk in found
    )


def most_active_members(features_off: Iterable[str], window: Window) -> tuple[TopItem, ...]:
    counts = most_active_ids(shown_metrics(features_off), window, TOP)
    members = (
        Member.objects.listed()
        .only("display_name", "handle", "left_at")
        .in_bulk([pk for pk, _n in counts])
    )
    return tuple(
        TopItem(members[pk].display_name, members[pk].get_absolute_url(), n)
        for pk, n in counts
        if pk in members
    )


def compute(
    period: Period, zone: ZoneInfo, features_off: Iterable[str], now: dt.datetime
) -> Report:
    """Every figure of the page, uncached."""
    features_off = list(features_off)
    win = window(period, zone, now)
    metrics = shown_metrics(features_off)
    series = []
    for key in chart_keys(features_off):
        if key == ACTIVE:
            series.append(active_series(metrics, win))
        else:
            series.append(count_series(METRICS[key], win))
    forum_on = "forum" not in features_off
    blogs_on = "blogs" not in features_off
    return Report(
        window=win,
        series=tuple(series),
        most_commented=most_commented_posts(win) if blogs_on else (),
        most_liked=most_liked_posts(win) if blogs_on else (),
        most_viewed=most_viewed_posts(win) if blogs_on else (),
        most_replied=most_replied_discussions(win) if forum_on else (),
        most_active=most_active_members(features_off, win),
    )


def report(period: Period, zone: ZoneInfo, features_off: Iterable[str]) -> Report:
    """The figures as of now, counted at most every CACHE_SECONDS."""
    features_off = sorted(features_off)
    now = timezone.now()
    win = window(period, zone, now)
    name = f"analytics:{period.key}:{zone.key}:{win.first}:{win.end}:{','.join(features_off)}"
    return cached(name, lambda: compute(period, zone, features_off, now), (), CACHE_SECONDS)
