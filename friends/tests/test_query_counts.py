"""The friends pages and the member page's section cost the same with 5 or 50 friends."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member, page_queries
from friends import services
from friends.tests.helpers import befriend, friends_for

pytestmark = pytest.mark.django_db


def pages(member):
    return [
        reverse("friends:mine"),
        reverse("friends:of_member", args=[member.handle]),
        reverse("friends:of_member", args=[member.handle]) + "?page=2",
        member.get_absolute_url(),
    ]


@pytest.mark.parametrize("who", ["owner", "other", "visitor"])
def test_friends_pages_cost_the_same_with_5_or_50_friends(member, other_member, who):
    client = {"owner": client_for(member), "other": client_for(other_member), "visitor": Client()}[
        who
    ]

    def grow(n, start):
        made = friends_for(member, n, start=start)
        # Some of them are the viewer's friends too, some ask or were asked.
        for friend in made[::3]:
            befriend(friend, other_member)
        asker = make_member(f"Asker {start}", f"asker{start}@example.org")
        services.send_request(by=asker, to=member)
        services.send_request(by=member, to=make_member(f"Asked {start}", f"asked{start}@e.org"))

    grow(5, 0)
    small = {
        url: page_queries(client, url)
        for url in pages(member)
        if who == "owner" or "friends/" not in url[:9]
    }
    grow(45, 5)
    large = {url: page_queries(client, url) for url in small}
    assert large == small
