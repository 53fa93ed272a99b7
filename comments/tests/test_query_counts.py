"""A page with comments costs the same number of queries however many comments and replies it
shows: the list of a page is one query for its top-level comments and one for their replies."""

import pytest
from django.test import Client

from comments.services import add_comment
from conftest import client_for, make_member, make_post, page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)  # these tests comment in bulk


def grow(post, people, comments, replies):
    for i in range(comments):
        comment = add_comment(post, people[i % len(people)], f"Comment {i}")
        for j in range(replies):
            add_comment(post, people[(i + j + 1) % len(people)], f"Reply {j}", parent=comment)


@pytest.mark.parametrize("who", ["visitor", "commenter", "post_author", "moderator"])
def test_the_post_page_costs_the_same_with_few_or_many_replies(who, member):
    from members.models import Member

    post = make_post(member)
    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(5)]
    moderator = make_member("Mo", "mo@example.org", role=Member.Role.MODERATOR)
    client = {
        "visitor": Client(),
        "commenter": client_for(people[0]),
        "post_author": client_for(member),
        "moderator": client_for(moderator),
    }[who]
    grow(post, people, 3, 1)
    small = page_queries(client, post.get_absolute_url())
    grow(post, people, 47, 1)
    assert page_queries(client, post.get_absolute_url()) == small
    # Past the first page too.
    grow(post, people, 10, 2)
    assert page_queries(client, post.get_absolute_url() + "?comments=2") == small


def test_comments_with_replies_cost_what_comments_alone_cost(member):
    post = make_post(member)
    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(3)]
    grow(post, people, 5, 0)
    without = page_queries(Client(), post.get_absolute_url())
    grow(post, people, 5, 2)
    assert page_queries(Client(), post.get_absolute_url()) == without
