"""Requests racing each other leave one request or one friendship, never two, never an error."""

import threading

import pytest
from django.db import connection

from friends import services
from friends.models import FriendRequest, Friendship
from friends.services import Sent


def at_once(*calls):
    """Runs each call in its own thread (own database connection), started together."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as e:  # reported by the test
            results[i] = e
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


@pytest.mark.django_db(transaction=True)
def test_the_same_request_sent_twice_at_once_is_one_request(member, other_member):
    results = at_once(*[lambda: services.send_request(by=member, to=other_member)] * 4)
    assert sorted(map(str, results)) == ["already-sent"] * 3 + ["sent"]
    assert FriendRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_members_asking_each_other_at_once_become_friends(member, other_member):
    results = at_once(
        lambda: services.send_request(by=member, to=other_member),
        lambda: services.send_request(by=other_member, to=member),
    )
    assert sorted(map(str, results)) == ["friends-now", "sent"]
    assert Friendship.objects.count() == 1
    assert not FriendRequest.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_accepting_twice_at_once_is_one_friendship(member, other_member):
    services.send_request(by=member, to=other_member)
    results = at_once(*[lambda: services.accept(by=other_member, sender=member)] * 3)
    assert sorted(results) == [False, False, True]
    assert Friendship.objects.count() == 1


def stale_first_look(monkeypatch):
    """The service's first look at the pair's requests misses what was just written, as when
    another transaction commits between the look and the insert."""
    looks = []
    real = services._pending

    def pending(by, other):
        looks.append(1)
        return (False, False) if len(looks) == 1 else real(by, other)

    monkeypatch.setattr(services, "_pending", pending)


@pytest.mark.django_db
def test_a_request_written_between_the_check_and_the_insert(member, other_member, monkeypatch):
    """The database's answer when the other side wrote after our look: their request was
    first (on PostgreSQL writers do not wait for each other's transactions to begin)."""
    FriendRequest.objects.create(from_member=other_member, to_member=member)
    stale_first_look(monkeypatch)
    assert services.send_request(by=member, to=other_member) == Sent.FRIENDS_NOW
    assert Friendship.objects.count() == 1 and not FriendRequest.objects.exists()


@pytest.mark.django_db
def test_our_own_request_written_between_the_check_and_the_insert(
    member, other_member, monkeypatch
):
    FriendRequest.objects.create(from_member=member, to_member=other_member)
    stale_first_look(monkeypatch)
    assert services.send_request(by=member, to=other_member) == Sent.ALREADY_SENT
    assert FriendRequest.objects.count() == 1
