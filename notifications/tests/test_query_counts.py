"""The notifications list, and any page showing the bell, cost the same with 5 or 50
notifications; the bell is one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member, make_post, page_queries
from likes.services import like
from notifications.models import Notification
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db


def grow(member, n: int, start: int) -> None:
    """`n` notifications of several kinds for `member`."""
    post = make_post(member, f"Post {start}")
    for i in range(start, start + n):
        someone = make_member(f"Someone {i}", f"someone{i}@example.org")
        if i % 2:
            add_comment(post, someone, f"Comment {i}")
        else:
            like(post, someone)


def test_pages_with_the_bell_cost_the_same_with_5_or_50_notifications(member):
    """The list, the home page and the blog list (the notifications made once, every page
    counted at each size)."""
    client = client_for(member)
    urls = [reverse("notifications:list"), "/", reverse("blogs:list")]
    grow(member, 5, 0)
    for url in urls:
        client.get(url)  # what a process remembers for good (content types) is remembered
    small = {url: page_queries(client, url) for url in urls}
    grow(member, 45, 5)
    assert_same_queries(small, {url: page_queries(client, url) for url in urls})


def test_the_bell_is_one_query(member):
    grow(member, 5, 0)
    client = client_for(member)
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/").content.decode()
    unread = Notification.objects.filter(recipient=member, read_at=None).count()
    assert f'<span class="badge" aria-hidden="true">{unread}</span>' in html
    ours = [q["sql"] for q in ctx.captured_queries if "notifications_notification" in q["sql"]]
    assert len(ours) == 1
    assert ours[0].startswith("SELECT COUNT(*)")
