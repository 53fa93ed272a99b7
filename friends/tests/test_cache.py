"""A friendship change refreshes exactly the visitors' pages that show it."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member
from friends import services

pytestmark = pytest.mark.django_db


def state(url) -> str:
    return Client().get(url)["X-Cache"]


@pytest.fixture
def pages(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")

    def of(m):
        return [m.get_absolute_url(), reverse("friends:of_member", args=[m.handle])]

    return {"member": of(member), "other": of(other_member), "third": of(third)}


def warm(pages):
    for urls in pages.values():
        for url in urls:
            Client().get(url)
            assert state(url) == "hit"


def test_becoming_friends_refreshes_both_members_pages_only(member, other_member, pages):
    services.send_request(by=member, to=other_member)
    warm(pages)
    services.accept(by=other_member, sender=member)
    for url in pages["member"] + pages["other"]:
        assert state(url) == "miss", url
    for url in pages["third"]:
        assert state(url) == "hit", url
    assert "Friends <small>(1)</small>" in Client().get(member.get_absolute_url()).content.decode()


def test_a_request_refreshes_no_visitors_page(member, other_member, pages):
    warm(pages)
    services.send_request(by=member, to=other_member)
    services.cancel(by=member, to=other_member)
    for urls in pages.values():
        for url in urls:
            assert state(url) == "hit", url


def test_unfriending_and_blocking_refresh_both(member, other_member, pages):
    services.send_request(by=member, to=other_member)
    services.accept(by=other_member, sender=member)
    warm(pages)
    services.unfriend(by=member, other=other_member)
    for url in pages["member"] + pages["other"]:
        assert state(url) == "miss", url
    assert state(pages["third"][0]) == "hit"

    services.send_request(by=member, to=other_member)
    services.accept(by=other_member, sender=member)
    warm(pages)
    services.block(by=other_member, other=member)
    for url in pages["member"] + pages["other"]:
        assert state(url) == "miss", url
    assert "No friends yet." in Client().get(member.get_absolute_url()).content.decode()


def test_signed_in_viewers_get_their_own_buttons_after_a_cached_visit(member, other_member):
    Client().get(member.get_absolute_url())  # cached for visitors, without buttons
    html = client_for(other_member).get(member.get_absolute_url()).content.decode()
    assert "Add as friend" in html


def test_the_pending_count_follows_requests(member, other_member):
    from friends.queries import pending_count

    assert pending_count(member) == 0
    services.send_request(by=other_member, to=member)
    assert pending_count(member) == 1
    services.decline(by=member, sender=other_member)
    assert pending_count(member) == 0
