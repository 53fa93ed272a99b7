"""Likes cost one query per page however many items show them (no N+1), and the comment list
stays cached per viewer scope."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member, make_post, page_queries
from likes import services
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)


@pytest.fixture
def people(network):
    return [make_member(f"P{i}", f"p{i}@example.org") for i in range(3)]


def test_a_listing_costs_the_same_with_5_or_50_liked_posts(member, people):
    """Signed in and not (the likes made once, every (page, persona) counted at each size)."""
    viewers = {"visitor": Client(), "member": client_for(people[0])}
    urls = ["/", reverse("blogs:list"), reverse("blogs:member_blog", args=[member.handle])]

    def grow(n):
        for i in range(n):
            post = make_post(member, title=f"Post {i}")
            for person in people:
                services.like(post, person)

    def counts():
        return {
            (url, who): page_queries(viewer, url) for url in urls for who, viewer in viewers.items()
        }

    grow(5)
    small = counts()
    grow(45)
    assert_same_queries(small, counts())


def test_a_comment_list_costs_the_same_with_5_or_50_liked_comments(member, people):
    """Signed in and not (the likes made once, each persona counted at each size)."""
    viewers = {"visitor": Client(), "member": client_for(people[0])}
    post = make_post(member)
    services.like(post, people[0])

    def grow(n):
        for i in range(n):
            comment = add_comment(post, people[i % 3], f"Comment {i}")
            services.like(comment, people[(i + 1) % 3])
            services.like(comment, people[0])

    def counts():
        return {
            who: page_queries(viewer, post.get_absolute_url()) for who, viewer in viewers.items()
        }

    grow(5)
    small = counts()
    grow(45)
    assert_same_queries(small, counts())


def test_a_member_reading_a_post_pays_one_query_for_every_like_on_the_page(member, people):
    """What the member liked among the page's items is one query, remembered until they like
    or unlike something."""
    post = make_post(member)
    comments = [add_comment(post, people[i % 3], f"c{i}") for i in range(10)]
    for comment in comments:
        services.like(comment, people[1])
    viewer = client_for(people[0])

    def their_likes_read() -> int:
        with CaptureQueriesContext(connection) as ctx:
            page = viewer.get(post.get_absolute_url()).content.decode()
        assert page.count(">Unlike</button>") == sum(1 for c in comments if liked(c))
        return len([q for q in ctx.captured_queries if '"likes_like"' in q["sql"]])

    def liked(comment) -> bool:
        return services.likers(comment).filter(member=people[0]).exists()

    assert their_likes_read() == 1
    assert their_likes_read() == 0
    services.like(comments[3], people[0])
    assert their_likes_read() == 1
    services.unlike(comments[3], people[0])
    assert their_likes_read() == 1


def test_a_like_leaves_the_cached_comment_list_alone(member, people):
    post = make_post(member)
    comment = add_comment(post, people[1], "hello")
    viewer = client_for(people[0])
    warm = page_queries(viewer, post.get_absolute_url())
    page_queries(
        viewer, post.get_absolute_url(), fresh=False
    )  # the post's fragment learns its tags
    cached = page_queries(viewer, post.get_absolute_url(), fresh=False)
    assert cached < warm
    services.like(comment, people[2])
    with CaptureQueriesContext(connection) as ctx:
        page = viewer.get(post.get_absolute_url()).content.decode()
    assert "1 Like" in page
    # The counts are read again (the like changed one); the comments are not.
    assert not [q for q in ctx.captured_queries if '"comments_comment"."body_html"' in q["sql"]]
    assert len(ctx.captured_queries) == cached + 1
    assert page_queries(viewer, post.get_absolute_url(), fresh=False) == cached
