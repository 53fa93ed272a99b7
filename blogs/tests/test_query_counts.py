"""Pages make the same number of queries however much content there is (no N+1)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blogs.services import LinkData
from comments.services import add_comment
from conftest import client_for, make_member, make_post, page_queries
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db

JULY = dt.datetime(2015, 7, 1, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)  # these tests comment in bulk


def grow(author, commenters, n):
    """n posts by author with tags and links, each commented on by every commenter."""
    for i in range(n):
        post = make_post(
            author,
            title=f"Post {i}",
            tags=["Alpha", f"tag{i % 3}"],
            links=[LinkData(url="https://example.org/", title="Link")],
            published_at=JULY + dt.timedelta(hours=i),
        )
        for commenter in commenters:
            add_comment(post, commenter, f"Comment by {commenter}")


def pages(member):
    return [
        "/",
        reverse("blogs:list"),
        reverse("blogs:list") + "?page=2",
        reverse("blogs:member_blog", args=[member.handle]),
        reverse("blogs:member_archive", args=[member.handle, 2015, 7]),
        reverse("blogs:tag", args=["alpha"]),
        reverse("blogs:feed_rss"),
        reverse("blogs:member_feed_atom", args=[member.handle]),
        member.get_absolute_url(),
        reverse("members:directory"),
    ]


def test_listings_cost_the_same_with_12_or_50_posts(member, other_member):
    """Signed in and not (the posts made once, every (page, persona) counted at each size)."""
    clients = {"visitor": Client(), "member": client_for(other_member)}

    def counts():
        return {
            (url, who): page_queries(client, url)
            for url in pages(member)
            for who, client in clients.items()
        }

    grow(member, [other_member], 12)
    for url in pages(member):  # content types, looked up once per process, are not the page's
        for client in clients.values():
            client.get(url)
    small = counts()
    grow(member, [other_member, make_member("Third", "third@example.org")], 38)
    for i in range(5):
        make_member(f"Extra {i}", f"extra{i}@example.org")
    assert_same_queries(small, counts())


def test_the_post_page_costs_the_same_with_5_or_50_comments(member):
    post = make_post(
        member,
        tags=["a", "b", "c"],
        links=[LinkData(url="https://example.org/", title=f"L{i}") for i in range(3)],
    )
    for i in range(3):
        make_post(member, title=f"Other {i}")
    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(5)]
    viewer = client_for(people[0])
    for person in people:
        add_comment(post, person, "hello")
    small = page_queries(viewer, post.get_absolute_url())
    for i in range(45):
        add_comment(post, people[i % 5], f"more {i}")
    for i in range(10):
        make_post(member, title=f"Later {i}")
    assert page_queries(viewer, post.get_absolute_url()) == small
    # From nothing cached: the session and member, the network, the post, its tags and links,
    # the author's other posts, the comments (count, page), the reader's own comments there,
    # the like counts and the reader's likes, the header's friend requests, notifications and
    # messages counts; a content type (read once per process, then kept); the members'
    # badges and the navigation's custom pages (each one map, then kept under "people" and
    # "network").
    assert small <= 20


def test_listings_seen_before_read_no_posts_again(settings, member, other_member):
    """With the page cache off the entries of the home page and of a listing page are
    remembered (lib.cachetags.cached_fragment): from the third visit (the first learns which
    like counts they show) a page reads no post, whatever the listing holds."""
    settings.PAGE_CACHE_SECONDS = 0
    grow(member, [other_member], 12)
    for url in ["/", reverse("blogs:list"), reverse("blogs:list") + "?page=2"]:
        Client().get(url)
        Client().get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(url).status_code == 200
        reads = [q["sql"] for q in ctx.captured_queries if '"blogs_post"."title"' in q["sql"]]
        assert reads == [], url
