"""Blocking: it ends friendship and requests, stops new ones, and the blocked member never knows."""

import pytest
from django.urls import reverse

from conftest import client_for, make_member
from friends import services
from friends.models import Block, FriendRequest
from friends.queries import (
    Relation,
    are_friends,
    blocked_between,
    has_blocked,
    hidden_member_ids,
    pending_count,
    relation,
    requests_received,
)
from friends.services import Refused, Sent

pytestmark = pytest.mark.django_db


def befriend(a, b):
    services.send_request(by=a, to=b)
    services.accept(by=b, sender=a)


def test_blocking_ends_the_friendship_and_requests_both_ways(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    befriend(member, other_member)
    services.send_request(by=third, to=member)
    services.send_request(by=member, to=make_member("Zara Z", "zara@example.org"))
    assert services.block(by=member, other=other_member) is True
    assert not are_friends(member, other_member)
    assert services.block(by=member, other=third) is True
    assert list(FriendRequest.objects.values_list("to_member__handle", flat=True)) == ["zara-z"]
    # Twice is once.
    assert services.block(by=member, other=third) is False
    assert Block.objects.count() == 2


def test_the_blocked_members_request_is_sent_for_them_and_never_shown(member, other_member):
    services.block(by=member, other=other_member)
    assert services.send_request(by=other_member, to=member) == Sent.SENT
    # The sender sees it as sent and may take it back…
    assert relation(other_member, member) == Relation.REQUEST_SENT
    # …the blocker sees nothing of it.
    assert relation(member, other_member) == Relation.BLOCKED
    assert not requests_received(member).exists()
    assert pending_count(member) == 0
    with pytest.raises(Refused):
        services.accept(by=member, sender=other_member)
    page = client_for(member).get(reverse("friends:mine")).content.decode()
    assert "Charlotte Reyes" not in page


def test_the_blocked_member_sees_no_block(member, other_member):
    services.block(by=member, other=other_member)
    blocked = client_for(other_member)
    html = blocked.get(member.get_absolute_url()).content.decode()
    assert "Add as friend" in html
    assert "blocked" not in html.lower()
    response = blocked.post(reverse("friends:send", args=[member.handle]), {"next": "/"})
    assert response.status_code == 302
    assert "Your friend request to Bilal Ahmed is sent." in blocked.get("/").content.decode()
    html = blocked.get(reverse("friends:mine")).content.decode()
    assert "Bilal Ahmed" in html and "Cancel request" in html
    assert "blocked" not in html.lower()


def test_the_blocker_cannot_ask_until_they_unblock(member, other_member):
    services.block(by=member, other=other_member)
    with pytest.raises(Refused, match="Unblock them first"):
        services.send_request(by=member, to=other_member)
    assert services.unblock(by=member, other=other_member) is True
    assert services.unblock(by=member, other=other_member) is False
    assert services.send_request(by=member, to=other_member) == Sent.SENT


def test_a_request_sent_while_blocked_shows_once_unblocked(member, other_member):
    services.block(by=member, other=other_member)
    services.send_request(by=other_member, to=member)
    services.unblock(by=member, other=other_member)
    assert relation(member, other_member) == Relation.REQUEST_RECEIVED
    assert pending_count(member) == 1


def test_both_may_block_each_other(member, other_member):
    services.block(by=member, other=other_member)
    services.block(by=other_member, other=member)
    assert relation(member, other_member) == relation(other_member, member) == Relation.BLOCKED
    services.unblock(by=member, other=other_member)
    assert blocked_between(member, other_member)
    assert relation(member, other_member) == Relation.NONE


def test_what_other_apps_ask(member, other_member, creator):
    third = make_member("Tariq Third", "tariq@example.org")
    services.block(by=member, other=other_member)
    services.block(by=third, other=member)
    assert blocked_between(member, other_member) and blocked_between(other_member.pk, member.pk)
    assert blocked_between(member, third)
    assert not blocked_between(other_member, third)
    assert has_blocked(member, other_member) and not has_blocked(other_member, member)
    assert hidden_member_ids(member) == {other_member.pk, third.pk}
    assert hidden_member_ids(other_member) == {member.pk}
    assert hidden_member_ids(creator) == set()
    from django.contrib.auth.models import AnonymousUser

    assert hidden_member_ids(AnonymousUser()) == set()


def test_the_block_page_asks_first(member, other_member):
    befriend(member, other_member)
    me = client_for(member)
    page = me.get(reverse("friends:block", args=[other_member.handle]))
    assert page.status_code == 200
    assert "Block <bdi>Charlotte Reyes</bdi>?" in page.content.decode()
    assert are_friends(member, other_member)  # nothing happened yet
    response = me.post(reverse("friends:block", args=[other_member.handle]))
    assert response.status_code == 302
    assert has_blocked(member, other_member) and not are_friends(member, other_member)
    # Now the page offers to unblock, and so do the buttons.
    assert (
        "You have blocked"
        in me.get(reverse("friends:block", args=[other_member.handle])).content.decode()
    )
    html = me.get(other_member.get_absolute_url()).content.decode()
    assert "Unblock" in html and "Add as friend" not in html
    response = me.post(
        reverse("friends:unblock", args=[other_member.handle]), HTTP_HX_REQUEST="true"
    )
    assert "You unblocked Charlotte Reyes." in response.content.decode()
    assert not has_blocked(member, other_member)


def test_an_unconfirmed_member_may_block(unconfirmed, member):
    response = client_for(unconfirmed).post(reverse("friends:block", args=[member.handle]))
    assert response.status_code == 302
    assert has_blocked(unconfirmed, member)
