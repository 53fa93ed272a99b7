"""The figures: which bucket a thing falls in (the network's time zone decides the day), what
counts, distinct active members, the previous period, the top lists."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from analytics.periods import PERIODS
from analytics.report import Report, compute
from conftest import make_member
from groups.models import Group
from members.models import Member
from network.models import Network

from .helpers import comment, discussion, like, post

UTC = dt.UTC
KARACHI = ZoneInfo("Asia/Karachi")  # UTC+5, no summer time
# A Sunday noon (UTC); in Karachi 17:00 the same day.
NOW = dt.datetime(2026, 3, 15, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.django_db


def figures(period: str = "30d", zone: ZoneInfo = KARACHI, off: list[str] | None = None) -> Report:
    return compute(PERIODS[period], zone, off or [], NOW)


def value_on(report: Report, key: str, day: dt.date) -> int:
    series = report.series_of(key)
    assert series is not None
    return dict(series.points)[day]


@pytest.fixture
def writer(network: Network) -> Member:
    return make_member("Amina Writer", "amina@example.org")


def test_a_late_evening_comment_counts_on_the_networks_next_day(writer: Member) -> None:
    target = post(writer, dt.datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    comment(writer, target, dt.datetime(2026, 3, 10, 23, 30, tzinfo=UTC))

    in_karachi = figures()
    assert value_on(in_karachi, "comments", dt.date(2026, 3, 11)) == 1
    assert value_on(in_karachi, "comments", dt.date(2026, 3, 10)) == 0

    in_utc = figures(zone=ZoneInfo("UTC"))
    assert value_on(in_utc, "comments", dt.date(2026, 3, 10)) == 1
    assert value_on(in_utc, "comments", dt.date(2026, 3, 11)) == 0


def test_thirty_days_end_today_in_the_networks_time_zone(writer: Member) -> None:
    report = figures()
    starts = [start for start, _n in report.series[0].points]
    assert len(starts) == 30
    assert starts[-1] == dt.date(2026, 3, 15)
    assert starts[0] == dt.date(2026, 2, 14)
    # 22:00 UTC on the Sunday is already Monday in Karachi: the last bucket is Monday's.
    late = compute(PERIODS["30d"], KARACHI, [], dt.datetime(2026, 3, 15, 22, 0, tzinfo=UTC))
    assert late.series[0].points[-1][0] == dt.date(2026, 3, 16)


def test_weeks_start_on_monday_in_the_networks_time_zone(writer: Member) -> None:
    # Sunday 8 March 20:00 UTC is Monday 9 March 01:00 in Karachi: that week, not the one before.
    post(writer, dt.datetime(2026, 3, 8, 20, 0, tzinfo=UTC))
    # Sunday 8 March 18:00 UTC is 23:00 the same Sunday in Karachi.
    post(writer, dt.datetime(2026, 3, 8, 18, 0, tzinfo=UTC))

    report = figures("26w")
    series = report.series_of("posts")
    assert series is not None
    assert len(series.points) == 26
    assert series.points[-1][0] == dt.date(2026, 3, 9)  # this week's Monday
    assert dict(series.points)[dt.date(2026, 3, 9)] == 1
    assert dict(series.points)[dt.date(2026, 3, 2)] == 1


def test_months_start_on_the_first_in_the_networks_time_zone(writer: Member) -> None:
    # 28 February 19:30 UTC is 1 March 00:30 in Karachi.
    post(writer, dt.datetime(2026, 2, 28, 19, 30, tzinfo=UTC))
    post(writer, dt.datetime(2026, 2, 28, 18, 30, tzinfo=UTC))
    # A year and a month ago: in the period before (12 months), not this one.
    post(writer, dt.datetime(2025, 2, 10, 12, 0, tzinfo=UTC))

    report = figures("12m")
    series = report.series_of("posts")
    assert series is not None
    assert [start for start, _n in series.points][:2] == [dt.date(2025, 4, 1), dt.date(2025, 5, 1)]
    assert dict(series.points)[dt.date(2026, 3, 1)] == 1
    assert dict(series.points)[dt.date(2026, 2, 1)] == 1
    assert (series.total, series.previous_total, series.change) == (2, 1, 100)


def test_drafts_hidden_and_scheduled_content_do_not_count(writer: Member) -> None:
    day = dt.datetime(2026, 3, 12, 6, 0, tzinfo=UTC)
    shown = post(writer, day)
    post(writer, day, status="draft")
    post(writer, day, status="scheduled")
    post(writer, day, hidden_at=day)
    comment(writer, shown, day)
    comment(writer, shown, day, hidden_at=day)

    report = figures()
    assert value_on(report, "posts", dt.date(2026, 3, 12)) == 1
    assert value_on(report, "comments", dt.date(2026, 3, 12)) == 1


def test_new_members_by_the_day_they_joined_not_those_awaiting_approval(
    network: Network,
) -> None:
    joined = dt.datetime(2026, 3, 14, 20, 0, tzinfo=UTC)  # 15 March in Karachi
    for n in range(3):
        make_member(f"Joiner {n}", f"joiner{n}@example.org", date_joined=joined)
    make_member("Waiting", "waiting@example.org", date_joined=joined, awaiting_approval=True)

    report = figures()
    assert value_on(report, "members", dt.date(2026, 3, 15)) == 3
    assert value_on(report, "members", dt.date(2026, 3, 14)) == 0


def test_active_members_are_distinct_authors_per_bucket_and_per_period(network: Network) -> None:
    amina = make_member("Amina", "amina@example.org")
    bilal = make_member("Bilal", "bilal@example.org")
    make_member("Quiet", "quiet@example.org")
    monday = dt.datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
    tuesday = dt.datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    first = post(amina, monday)
    comment(amina, first, monday)
    comment(amina, first, monday)
    comment(bilal, first, monday)
    discussion(amina, tuesday)
    # The period before: Bilal only.
    comment(bilal, first, dt.datetime(2026, 2, 1, 8, 0, tzinfo=UTC))

    report = figures()
    assert value_on(report, "active", dt.date(2026, 3, 9)) == 2
    assert value_on(report, "active", dt.date(2026, 3, 10)) == 1
    active = report.series_of("active")
    assert active is not None
    # Amina on two days counts once in the period.
    assert (active.total, active.previous_total) == (2, 1)
    assert [(item.title, item.count) for item in report.most_active] == [("Amina", 4), ("Bilal", 1)]


def test_a_feature_that_is_off_has_no_chart(writer: Member) -> None:
    keys = [series.key for series in figures(off=["forum", "videos"]).series]
    assert "discussions" not in keys and "replies" not in keys and "videos" not in keys
    assert keys[:3] == ["members", "active", "posts"]


def test_top_posts_leave_out_drafts_hidden_posts_and_other_periods(
    writer: Member, network: Network
) -> None:
    reader = make_member("Reader", "reader@example.org")
    day = dt.datetime(2026, 3, 12, 6, 0, tzinfo=UTC)
    popular = post(writer, dt.datetime(2026, 1, 5, tzinfo=UTC), title="Popular", view_count=90)
    quiet = post(writer, day, title="Quiet", view_count=3)
    draft = post(writer, day, title="Draft", status="draft")
    hidden = post(writer, day, title="Hidden", hidden_at=day, view_count=500)
    for target in (popular, popular, quiet, draft, hidden, hidden, hidden):
        comment(reader, target, day)
    like(reader, popular, day)
    like(writer, popular, day)
    like(reader, hidden, day)
    like(reader, draft, day)
    like(reader, quiet, dt.datetime(2026, 1, 1, tzinfo=UTC))  # before the period

    report = figures()
    assert [(i.title, i.count) for i in report.most_commented] == [("Popular", 2), ("Quiet", 1)]
    assert report.most_commented[0].url == popular.get_absolute_url()
    assert report.most_commented[0].by == "Amina Writer"
    assert [(i.title, i.count) for i in report.most_liked] == [("Popular", 2)]
    # Published in the period: Popular (January) is not.
    assert [(i.title, i.count) for i in report.most_viewed] == [("Quiet", 3)]


def test_discussions_of_private_groups_are_not_in_the_top_list(writer: Member) -> None:
    day = dt.datetime(2026, 3, 12, 6, 0, tzinfo=UTC)
    private = Group.objects.create(name="Inner circle", slug="inner", is_private=True)
    open_one = discussion(writer, day, title="Open talk")
    secret = discussion(writer, day, title="Secret talk", group=private)
    for target in (secret, secret, open_one):
        comment(writer, target, day)

    report = figures()
    assert [(i.title, i.count) for i in report.most_replied] == [("Open talk", 1)]
    # Counted all the same: the replies of the period.
    assert value_on(report, "replies", dt.date(2026, 3, 12)) == 3
    assert value_on(report, "discussions", dt.date(2026, 3, 12)) == 2


def test_summer_time_moves_the_day_boundary(writer: Member) -> None:
    """London: GMT until 29 March 2026 01:00 UTC, then BST (UTC+1)."""
    london = ZoneInfo("Europe/London")
    target = post(writer, dt.datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    comment(writer, target, dt.datetime(2026, 3, 28, 23, 30, tzinfo=UTC))  # 28 March, 23:30 GMT
    comment(writer, target, dt.datetime(2026, 3, 29, 23, 30, tzinfo=UTC))  # 30 March, 00:30 BST
    report = compute(PERIODS["30d"], london, [], dt.datetime(2026, 4, 5, 12, 0, tzinfo=UTC))
    assert value_on(report, "comments", dt.date(2026, 3, 28)) == 1
    assert value_on(report, "comments", dt.date(2026, 3, 29)) == 0
    assert value_on(report, "comments", dt.date(2026, 3, 30)) == 1
    assert value_on(report, "active", dt.date(2026, 3, 30)) == 1
