"""The demo network and the benchmark network have friends."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.test import Client

from friends.models import FriendRequest, Friendship
from friends.queries import friend_ids, requests_received
from members.demo import content as people
from members.models import Member

pytestmark = pytest.mark.django_db


def test_the_demo_has_friendships_and_requests_waiting_for_the_sample_member():
    call_command("loaddemo", stdout=StringIO())
    sample = Member.objects.get(email=f"{people.SAMPLE_MEMBER}@demo.anjuman.test")
    assert len(friend_ids(sample)) >= 5
    assert requests_received(sample).count() >= 2
    assert FriendRequest.objects.filter(from_member=sample).exists()
    assert (
        Member.objects.exclude(
            Q(pk__in=Friendship.objects.values("low")) | Q(pk__in=Friendship.objects.values("high"))
        ).count()
        <= 2
    )
    for friendship in Friendship.objects.select_related("low", "high"):
        assert friendship.created_at >= max(friendship.low.date_joined, friendship.high.date_joined)


def test_the_benchmark_network_has_about_ten_friends_each(tmp_path):
    manifest = tmp_path / "manifest.json"
    call_command(
        "generatedata", "--scale", "0.01", "--no-progress", "--manifest", str(manifest),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    confirmed = Member.objects.filter(email_confirmed=True).count()
    assert 3 * confirmed <= Friendship.objects.count() <= 5 * confirmed
    # No pending request between friends.
    friends = set(Friendship.objects.values_list("low", "high"))
    requests = FriendRequest.objects.values_list("from_member", "to_member")
    assert requests and not {Friendship.pair(a, b) for a, b in requests} & friends
    busiest = json.loads(manifest.read_text())["friends"]
    assert busiest["friends"] == len(friend_ids(busiest["pk"]))
    assert Client().get(busiest["path"]).status_code == 200
