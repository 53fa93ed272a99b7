"""The stream's pages are keyset pages: `?before=<cursor>` (the last entry's time and id), each
entry once, in order, even when entries share a time; a cursor we did not write is a 400 that
still shows the newest page, never a 500."""

import base64
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from activity.models import Entry
from activity.queries import PER_PAGE, Cursor
from activity.tests.helpers import lines
from conftest import client_for, make_member
from members.models import Member

pytestmark = pytest.mark.django_db

_OLDER = re.compile(r'<a rel="next" href="\?before=([^"]+)">')


def make_friends(n, of):
    """`n` members who became friends with `of`, every three of them at the same moment, a
    day apart (friendships never group)."""
    member_type = ContentType.objects.get_for_model(Member)
    now = timezone.now()
    made = []
    for i in range(n):
        friend = make_member(f"Member {i:03d}", f"m{i}@example.org")
        made.append(
            Entry(
                kind="friends.accepted",
                actor=friend,
                subject=of,
                target_type=member_type,
                target_id=of.pk,
                created_at=now - timezone.timedelta(days=i // 3),
            )
        )
    return Entry.objects.bulk_create(made)


def walk(client, url):
    seen, pages = [], 0
    while True:
        response = client.get(url)
        assert response.status_code == 200
        seen += lines(response.content)
        pages += 1
        found = _OLDER.search(response.content.decode())
        if not found:
            return seen, pages
        url = "/activity/?before=" + found.group(1)


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_walking_the_pages_shows_every_entry_once_in_order(member, who):
    n = PER_PAGE * 2 + 5
    make_friends(n, member)
    client = Client() if who == "visitor" else client_for(member)
    seen, pages = walk(client, "/activity/")
    assert pages == 3
    # Newest first; among entries of one moment, the latest written first.
    expected = []
    for day in range(n // 3 + 1):
        same_moment = [i for i in range(n) if i // 3 == day]
        expected += [
            f"Member {i:03d} and Bilal Ahmed are now friends." for i in reversed(same_moment)
        ]
    assert seen == expected


def test_the_newest_link_goes_back_to_the_first_page(member):
    assert PER_PAGE == 20
    make_friends(PER_PAGE + 1, member)
    first = Client().get("/activity/").content.decode()
    assert "« Newest" not in first
    cursor = _OLDER.search(first).group(1)
    second = Client().get(f"/activity/?before={cursor}").content.decode()
    assert '<a href="?">« Newest</a>' in second
    # The oldest moment's three were written 18, 19, 20: the first written is the last shown.
    assert lines(second) == ["Member 018 and Bilal Ahmed are now friends."]


def _encoded(raw):
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "nonsense",
        "!!!",
        "a" * 65,
        _encoded("123"),
        _encoded("x.y"),
        _encoded("-5.3"),
        _encoded("12.0"),
        _encoded("12.-1"),
        _encoded(f"{10**30}.1"),
        _encoded(f"1.{2**63}"),
        "%00",
        "\u202e",
    ],
)
def test_a_cursor_we_did_not_write_is_refused_with_the_newest_page(member, cursor):
    make_friends(2, member)
    for client in (Client(), client_for(member)):
        response = client.get("/activity/", {"before": cursor})
        assert response.status_code == 400
        page = response.content.decode()
        assert "This page of the activity does not exist. Here is the newest." in page
        assert len(lines(page)) == 2


def test_a_cursor_past_the_oldest_entry_is_an_empty_page(member):
    make_friends(2, member)
    old = Cursor(timezone.now().replace(year=2001), 1).encode()
    response = Client().get("/activity/", {"before": old})
    assert response.status_code == 200
    assert lines(response.content) == []


def test_the_member_stream_pages_too(member):
    make_friends(PER_PAGE + 3, member)
    url = f"/members/{member.handle}/activity/"
    first = Client().get(url).content.decode()
    assert len(lines(first)) == PER_PAGE
    cursor = _OLDER.search(first).group(1)
    rest = Client().get(f"{url}?before={cursor}")
    assert len(lines(rest.content)) == 3
