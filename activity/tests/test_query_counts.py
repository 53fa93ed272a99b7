"""The stream's pages cost the same number of queries with under 10 or over 50 entries (of
every kind), for a visitor and for a member, on the first page and on an older one."""

import re

import pytest
from django.test import Client

from activity.tests.helpers import befriend, comment, joins
from conftest import client_for, make_post, page_queries
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db

_OLDER = re.compile(r'href="\?before=([^"]+)"')


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)


def grow(member, rounds, start):
    """Each round: a member joins, befriends the one before, publishes, and `member` and they
    comment (`member`'s own friends stay the same: the page's friends section is not what is
    measured here)."""
    previous = None
    for i in range(start, start + rounds):
        someone = joins(f"Someone {i}", f"someone{i}@example.org")
        if previous is not None:
            befriend(someone, previous)
        previous = someone
        post = make_post(someone, f"Post {i}")
        comment(post, member)
        comment(post, someone)


def urls(member, client, who):
    first = client.get("/activity/").content.decode()
    older = _OLDER.search(first)
    found = [
        "/",
        "/activity/",
        member.get_absolute_url(),
        f"/members/{member.handle}/activity/",
    ]
    if who == "member":
        found.append("/activity/friends/")
    if older:
        found.append(f"/activity/?before={older.group(1)}")
    return found


def test_stream_pages_cost_the_same_with_5_or_50_entries(member, other_member):
    """As a visitor and as a member (the entries made once, every (page, persona) counted at
    each size)."""
    clients = {"visitor": Client(), "member": client_for(other_member)}

    def counts():
        return {
            (url, who): page_queries(client, url)
            for who, client in clients.items()
            for url in urls(member, client, who)
            if "before" not in url
        }

    befriend(member, other_member)
    grow(member, 2, 0)  # 8 entries, and Bilal and Charlotte's friendship
    for who, client in clients.items():
        for url in urls(member, client, who):
            page_queries(client, url)  # process-wide lookups (content types) made once
    small = counts()
    grow(member, 10, 2)  # 50 more
    assert_same_queries(small, counts())
    # An older page costs what the first one does.
    for who, client in clients.items():
        [deep] = [url for url in urls(member, client, who) if "before" in url]
        assert page_queries(client, deep) <= small["/activity/", who], who
