"""A member page costs the same number of queries whatever their wall holds."""

import pytest
from django.test import Client

from comments.services import add_comment
from conftest import client_for, make_member, page_queries
from friends import services as friends
from tests.datafixtures import assert_same_queries
from walls.services import find_wall

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_comment_limit(settings):
    settings.RATELIMIT_COMMENTS = (0, 600)


def grow(wall, people, comments, replies):
    for i in range(comments):
        comment = add_comment(wall, people[i % len(people)], f"Comment {i}")
        for j in range(replies):
            add_comment(wall, people[(i + j + 1) % len(people)], f"Reply {j}", parent=comment)


def test_the_member_page_costs_the_same_with_5_or_50_wall_comments(member):
    """As a visitor, a writer, the wall's member and one who blocked a writer (the comments
    made once, every persona counted at each size)."""
    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(5)]
    blocker = make_member("Blocker", "blocker@example.org")
    friends.block(by=blocker, other=people[1])
    clients = {
        "visitor": Client(),
        "writer": client_for(people[0]),
        "wall_member": client_for(member),
        "blocker": client_for(blocker),
    }
    url = member.get_absolute_url()

    def counts():
        return {who: page_queries(client, url) for who, client in clients.items()}

    empty = counts()
    wall = find_wall(member.pk)
    grow(wall, people, 5, 1)
    small = counts()
    grow(wall, people, 45, 1)
    assert_same_queries(small, counts())
    # A wall nobody wrote on costs no more than one with comments.
    assert all(empty[who] <= small[who] for who in clients), (empty, small)
