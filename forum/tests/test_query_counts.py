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


@pytest.mark.parametrize("who", ["visitor", "member", "moderator"])
@pytest.mark.parametrize("page", ["index", "latest", "category", "mine", "home", "profile"])
def test_forum_lists_cost_the_same_at_5_and_50_discussions(page, who, creator):
    from members.models import Member

    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(4)]
    moderator = make_member("Mod", "mod@example.org", role=Member.Role.MODERATOR)
    categories = [make_category(creator, f"Category {i}", position=i) for i in range(3)]
    if page == "mine" and who == "visitor":
        pytest.skip("visitors have no discussions of their own")
    client = {
        "visitor": Client(),
        "member": client_for(people[0]),
        "moderator": client_for(moderator),
    }[who]
    url = {
        "index": reverse("forum:index"),
        "latest": reverse("forum:latest"),
        "category": categories[0].get_absolute_url(),
        "mine": reverse("forum:mine"),
        "home": reverse("network:home"),
        "profile": people[0].get_absolute_url(),
    }[page]
    grow(categories, people, 5)
    count(client, url)  # warms what a process reads once (content types)
    small = count(client, url)
    grow(categories, people, 45)
    assert count(client, url) == small


@pytest.mark.parametrize("who", ["visitor", "member", "moderator"])
def test_a_discussion_page_costs_the_same_with_5_or_50_replies(who, creator):
    from members.models import Member

    people = [make_member(f"P{i}", f"p{i}@example.org") for i in range(4)]
    moderator = make_member("Mod", "mod@example.org", role=Member.Role.MODERATOR)
    client = {
        "visitor": Client(),
        "member": client_for(people[0]),
        "moderator": client_for(moderator),
    }[who]
    discussion = make_discussion(people[1], make_category(creator))
    url = discussion.get_absolute_url()
    for i in range(5):
        add_comment(discussion, people[i % 4], f"Reply {i}")
    count(client, url)
    small = count(client, url)
    for i in range(45):
        add_comment(discussion, people[i % 4], f"Reply {i}")
    assert count(client, url) == small
