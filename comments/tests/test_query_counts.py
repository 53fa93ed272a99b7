"""A page with comments costs the same number of queries however many comments and replies it
shows: the list of a page is one query for its top-level comments and one for their replies."""

import pytest
from django.test import Client

from comments.services import add_comment
from conftest import client_for, make_member, make_post, page_queries
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)  # these tests comment in bulk


def grow(post, people, comments, replies):
    for i in range(comments):
        comment = add_comment(post, people[i % len(people)], f"Comment {i}")
        for j in range(replies):
            add_comment(post, people[(i + j + 1) % len(people)], f"Reply {j}", parent=comment)


def test_the_post_page_costs_the_same_with_few_or_many_replies(member):
    """As a visitor, a commenter, the post's author and a moderator (the comments made once,
    every persona counted at each size)."""
    from members.models import Member

    post = make_post(member)
    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(5)]
    moderator = make_member("Mo", "mo@example.org", role=Member.Role.MODERATOR)
    clients = {
        "visitor": Client(),
        "commenter": client_for(people[0]),
        "post_author": client_for(member),
        "moderator": client_for(moderator),
    }
    url = post.get_absolute_url()

    def counts(url):
        return {who: page_queries(client, url) for who, client in clients.items()}

    grow(post, people, 3, 1)
    small = counts(url)
    grow(post, people, 47, 1)
    assert_same_queries(small, counts(url))
    # Past the first page too.
    grow(post, people, 10, 2)
    assert_same_queries(small, counts(url + "?comments=2"))


def test_comments_with_replies_cost_what_comments_alone_cost(member):
    post = make_post(member)
    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(3)]
    grow(post, people, 5, 0)
    without = page_queries(Client(), post.get_absolute_url())
    grow(post, people, 5, 2)
    assert page_queries(Client(), post.get_absolute_url()) == without
