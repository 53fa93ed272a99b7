"""Every forum list costs the same number of queries with 5 or 50 discussions (the last reply
and the reply count come from the rows)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member
from forum.tests.helpers import make_category, make_discussion
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db


def count(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow(categories, people, n):
    for i in range(n):
        discussion = make_discussion(
            people[i % len(people)], categories[i % len(categories)], title=f"Topic {i}"
        )
        add_comment(discussion, people[(i + 1) % len(people)], f"Reply {i}")


def personas(creator):
    """The people who post, the visitor, a member (the first of the people) and a moderator,
    each with a client."""
    from members.models import Member

    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(4)]
    moderator = make_member("Mod", "mod@example.org", role=Member.Role.MODERATOR)
    clients = {
        "visitor": Client(),
        "member": client_for(people[0]),
        "moderator": client_for(moderator),
    }
    return people, clients


def test_forum_lists_cost_the_same_at_5_and_50_discussions(creator):
    """Every list, as every persona (the rows made once, every page counted at 5 and at 50)."""
    people, clients = personas(creator)
    categories = [make_category(creator, f"Category {i}", position=i) for i in range(3)]
    pages = {
        "index": reverse("forum:index"),
        "latest": reverse("forum:latest"),
        "category": categories[0].get_absolute_url(),
        "mine": reverse("forum:mine"),
        "home": reverse("network:home"),
        "profile": people[0].get_absolute_url(),
    }
    # Visitors have no discussions of their own.
    seen = [(page, who) for page in pages for who in clients if (page, who) != ("mine", "visitor")]

    def counts():
        return {(page, who): count(clients[who], pages[page]) for page, who in seen}

    grow(categories, people, 5)
    counts()  # warms what a process reads once (content types)
    small = counts()
    grow(categories, people, 45)
    assert_same_queries(small, counts())


def test_a_discussion_page_costs_the_same_with_5_or_50_replies(creator):
    people, clients = personas(creator)
    discussion = make_discussion(people[1], make_category(creator))
    url = discussion.get_absolute_url()
    for i in range(5):
        add_comment(discussion, people[i % 4], f"Reply {i}")
    for client in clients.values():
        count(client, url)
    small = {who: count(client, url) for who, client in clients.items()}
    for i in range(45):
        add_comment(discussion, people[i % 4], f"Reply {i}")
    assert_same_queries(small, {who: count(client, url) for who, client in clients.items()})
