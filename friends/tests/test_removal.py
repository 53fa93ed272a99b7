"""Removing a member removes their requests, friendships and blocks, and refreshes their friends'
pages."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import make_member
from friends import services
from friends.models import Block, FriendRequest, Friendship
from friends.tests.helpers import befriend
from members.services import remove_member

pytestmark = pytest.mark.django_db


def test_removing_a_member_removes_everything_friends_knows_of_them(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    befriend(member, other_member)
    services.send_request(by=member, to=third)
    services.block(by=third, other=other_member)
    services.block(by=member, other=make_member("Zara Z", "zara@example.org"))
    Client().get(reverse("friends:of_member", args=[other_member.handle]))

    remove_member(member)

    assert not Friendship.objects.exists()
    assert not FriendRequest.objects.exists()
    assert list(Block.objects.values_list("blocker", "blocked")) == [(third.pk, other_member.pk)]
    response = Client().get(reverse("friends:of_member", args=[other_member.handle]))
    assert response["X-Cache"] == "miss"
    assert "No friends yet." in response.content.decode()
