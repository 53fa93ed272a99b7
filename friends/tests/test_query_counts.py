"""The friends pages and the member page's section cost the same with 5 or 50 friends."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member, page_queries
from friends import services
from friends.tests.helpers import befriend, friends_for
from tests.datafixtures import assert_same_queries

pytestmark = pytest.mark.django_db


def pages(member):
    return [
        reverse("friends:mine"),
        reverse("friends:of_member", args=[member.handle]),
        reverse("friends:of_member", args=[member.handle]) + "?page=2",
        member.get_absolute_url(),
    ]


def test_friends_pages_cost_the_same_with_5_or_50_friends(member, other_member):
    """As their owner, another member and a visitor (the friends made once, every (page,
    persona) counted at each size)."""
    clients = {"owner": client_for(member), "other": client_for(other_member), "visitor": Client()}

    def grow(n, start):
        made = friends_for(member, n, start=start)
        # Some of them are the viewer's friends too, some ask or were asked.
        for friend in made[::3]:
            befriend(friend, other_member)
        asker = make_member(f"Asker {start}", f"asker{start}@example.org")
        services.send_request(by=asker, to=member)
        services.send_request(by=member, to=make_member(f"Asked {start}", f"asked{start}@e.org"))

    def counts():
        return {
            (url, who): page_queries(client, url)
            for who, client in clients.items()
            for url in pages(member)
            if who == "owner" or "friends/" not in url[:9]
        }

    grow(5, 0)
    small = counts()
    grow(45, 5)
    assert_same_queries(small, counts())
