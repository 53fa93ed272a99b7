"""The analytics page and its CSV files, as an administrator uses them."""

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_member, page_queries
from members.models import Member
from network.models import Network

from .helpers import comment, discussion, post

SVG = "{http://www.w3.org/2000/svg}"
URL = "/manage/analytics/"

pytestmark = pytest.mark.django_db


def charts_of(html: str) -> list[ET.Element]:
    """Every chart of the page, parsed as XML (a chart that is not well-formed fails here)."""
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)]


def bars_of(chart: ET.Element) -> list[ET.Element]:
    return [rect for rect in chart.iter(f"{SVG}rect") if rect.get("class") == "chart-bar"]


@pytest.fixture
def admin(admin_member: Member) -> Client:
    return client_for(admin_member)


@pytest.mark.parametrize(("period", "buckets"), [("30d", 30), ("26w", 26), ("12m", 12)])
def test_each_chart_has_one_bar_per_bucket(admin: Client, period: str, buckets: int) -> None:
    response = admin.get(URL, {"period": period})
    assert response.status_code == 200
    charts = charts_of(response.content.decode())
    # New members, active members, posts, comments, discussions, replies, events, photos, videos.
    assert len(charts) == 9
    for chart in charts:
        assert len(bars_of(chart)) == buckets
        assert chart.get("role") == "img"
        assert chart.get("aria-label")
        assert chart.find(f"{SVG}title") is not None
        assert all(bar.find(f"{SVG}title") is not None for bar in bars_of(chart))
        assert not [el for el in chart.iter() if "style" in el.attrib]


def test_the_page_shows_todays_figures_and_top_content(
    admin: Client, member: Member, other_member: Member
) -> None:
    now = timezone.now()
    first = post(member, now, title="Monsoon in Lahore")
    comment(other_member, first, now)
    comment(other_member, first, now)

    response = admin.get(URL)
    html = response.content.decode()
    titled = {chart.findtext(f"{SVG}title"): chart for chart in charts_of(html)}
    posts_chart, comments_chart = titled["New blog posts"], titled["New comments"]
    assert bars_of(posts_chart)[-1].findtext(f"{SVG}title", "").endswith(": 1")
    assert float(bars_of(comments_chart)[-1].get("height", "0")) > 0
    assert bars_of(comments_chart)[-1].findtext(f"{SVG}title", "").endswith(": 2")
    assert comments_chart.get("aria-label") == (
        "New comments in the last 30 days: 2 in all, at most 2 in a day."
    )
    assert "Monsoon in Lahore" in html
    assert "— 2 comments" in html
    assert first.get_absolute_url() in html
    assert other_member.get_absolute_url() in html  # the most active member
    # The link among the /manage/ links.
    assert f'<a href="{URL}">Analytics</a>' in html


def test_a_hostile_period_is_refused_and_the_last_30_days_shown(admin: Client) -> None:
    for value in ("1y", "30d' OR 1=1", "<script>", "3" * 300, "\x00"):
        response = admin.get(URL, {"period": value})
        assert response.status_code == 400, value
        charts = charts_of(response.content.decode())
        assert all(len(bars_of(chart)) == 30 for chart in charts)
    assert admin.get(URL, {"page": "2"}).status_code == 200


def test_a_chart_downloads_as_csv_that_parses_back(admin: Client, member: Member) -> None:
    now = timezone.now()
    target = post(member, now)
    comment(member, target, now)
    response = admin.get(reverse("analytics:csv", args=["comments"]), {"period": "30d"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["bucket_start", "comments"]
    assert len(rows) == 31
    days = [dt.date.fromisoformat(day) for day, _n in rows[1:]]
    assert days == sorted(days) and (days[-1] - days[0]).days == 29
    assert days[-1] == timezone.localdate(now, timezone=_zone())
    assert rows[-1][1] == "1"
    assert sum(int(n) for _day, n in rows[1:]) == 1

    months = list(csv.reader(io.StringIO(
        admin.get(reverse("analytics:csv", args=["active"]), {"period": "12m"}).content.decode()
    )))  # fmt: skip
    assert len(months) == 13 and months[-1][1] == "1"
    assert all(day.endswith("-01") for day, _n in months[1:])


def _zone() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(Network.objects.get().time_zone)


def test_csv_refuses_an_unknown_chart_or_period(admin: Client, network: Network) -> None:
    assert admin.get(reverse("analytics:csv", args=["passwords"])).status_code == 404
    bad = admin.get(reverse("analytics:csv", args=["posts"]), {"period": "forever"})
    assert bad.status_code == 400
    network.features_off = ["forum"]
    network.save()
    from lib.cachetags import invalidate

    invalidate("network")
    assert admin.get(reverse("analytics:csv", args=["replies"])).status_code == 404
    html = admin.get(URL).content.decode()
    assert "New forum replies" not in html and len(charts_of(html)) == 7


def test_only_administrators_and_the_creator_see_it(
    network: Network, member: Member, admin_member: Member
) -> None:
    moderator = make_member("Mona Moderator", "mona@example.org", role=Member.Role.MODERATOR)
    for who in (member, moderator):
        assert client_for(who).get(URL).status_code == 403
        assert client_for(who).get(reverse("analytics:csv", args=["posts"])).status_code == 403
    visitor = Client().get(URL)
    assert visitor.status_code == 302
    assert visitor["Location"].startswith(reverse(settings.LOGIN_URL))
    assert client_for(network.creator).get(URL).status_code == 200
    assert client_for(admin_member).post(URL).status_code == 405


def test_right_to_left_the_time_axis_runs_from_the_right(admin: Client) -> None:
    admin.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"
    chart = charts_of(admin.get(URL).content.decode())[0]
    xs = [float(bar.get("x", "0")) for bar in bars_of(chart)]
    assert xs == sorted(xs, reverse=True)
    admin.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    chart = charts_of(admin.get(URL).content.decode())[0]
    xs = [float(bar.get("x", "0")) for bar in bars_of(chart)]
    assert xs == sorted(xs)


def test_the_figures_are_kept_a_few_minutes(admin: Client, member: Member) -> None:
    fresh = page_queries(admin, URL)
    again = page_queries(admin, URL, fresh=False)
    assert again < fresh - 10


def _rows(count: int, members: list[Member]) -> None:
    now = timezone.now()
    for n in range(count):
        author = members[n % len(members)]
        at = now - dt.timedelta(days=n % 40, hours=n % 7)
        target = post(author, at)
        comment(members[(n + 1) % len(members)], target, at)
        comment(author, discussion(author, at), at)


def test_queries_do_not_grow_with_the_data(admin: Client, network: Network) -> None:
    members = [make_member(f"Writer {n}", f"w{n}@example.org") for n in range(12)]
    _rows(5, members[:3])
    small = {period: page_queries(admin, f"{URL}?period={period}") for period in ("30d", "12m")}
    _rows(50, members)
    large = {period: page_queries(admin, f"{URL}?period={period}") for period in ("30d", "12m")}
    assert small == large
