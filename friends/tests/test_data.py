"""The demo network and the benchmark network have friends."""

from typing import Any

from django.db.models import Q
from django.test import Client

from friends.models import FriendRequest, Friendship
from friends.queries import friend_ids, requests_received
from members.demo import content as people
from members.models import Member


def check_demo() -> None:
    """The demo has friendships and requests waiting for the sample member.

    Run by tests/test_demo_data.py on the demo network, loaded once for every app."""
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


def check_benchdata(manifest: dict[str, Any]) -> None:
    """The benchmark network has about ten friends each.

    Run by tests/test_bench_data.py on the benchmark network, generated once for every
    app."""
    confirmed = Member.objects.filter(email_confirmed=True).count()
    assert 3 * confirmed <= Friendship.objects.count() <= 5 * confirmed
    # No pending request between friends.
    friends = set(Friendship.objects.values_list("low", "high"))
    requests = FriendRequest.objects.values_list("from_member", "to_member")
    assert requests and not {Friendship.pair(a, b) for a, b in requests} & friends
    busiest = manifest["friends"]
    assert busiest["friends"] == len(friend_ids(busiest["pk"]))
    assert Client().get(busiest["path"]).status_code == 200
