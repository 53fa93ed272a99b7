"""Delivery: what members publish reaches their followers' servers as signed activities,
through explicit states (pending, sent, retrying with backoff, given up, dead servers)."""

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from blogs.services import delete_post, save_post, set_hidden
from comments.services import add_comment
from conftest import make_post
from federation import delivery, signatures
from federation.keys import actor_for
from federation.models import Delivery, Follower, LocalActor, RemoteActor, Server
from members.models import Member

from .conftest import blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db


def followed_by_alice(client: Client, peer: Peer, target: str) -> None:
    follow = {
        "id": peer.url(f"/follows/{target}"),
        "type": "Follow",
        "actor": peer.actor_url("alice"),
        "object": target,
    }
    assert send(client, peer, "alice", "/ap/inbox/", follow).status_code == 202
    peer.received.clear()


def sent_types(peer: Peer) -> list[str]:
    return [r.activity["type"] for r in peer.received]


def test_a_published_post_reaches_followers(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    followed_by_alice(client, peer, "http://testserver/blog/")
    post = make_post(author, "Reunion in Lahore")
    created = next(r for r in peer.received if r.activity["type"] == "Create")
    assert created.path == "/inbox"  # the shared inbox
    assert created.activity["actor"] == "http://testserver/members/bilal/"
    assert created.activity["object"]["type"] == "Article"
    assert created.activity["object"]["name"] == "Reunion in Lahore"
    assert created.headers["digest"] == signatures.digest(created.body)
    signatures.verify(
        signatures.parse(created.headers["signature"]), method="POST", path="/inbox",
        headers=created.headers, body=created.body,
        public_key_pem=LocalActor.objects.get(member=author).public_key,
    )  # fmt: skip
    announced = next(r for r in peer.received if r.activity["type"] == "Announce")
    assert announced.activity["actor"] == "http://testserver/blog/"
    assert announced.activity["object"] == f"http://testserver/blog/{post.pk}/"
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}


def test_drafts_send_nothing_and_publishing_later_does(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    draft = make_post(author, publish=False)
    assert peer.received == []
    save_post(draft, by=author, title=draft.title, body=draft.body, tags=[], links=[], publish=True)
    assert sent_types(peer) == ["Create"]


def test_hiding_unpublishing_and_deleting_send_delete(
    client: Client, peer: Peer, creator: Member
) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    post = make_post(author)
    peer.received.clear()
    set_hidden(post, True, by=creator)
    assert sent_types(peer) == ["Delete"]
    gone = peer.received[0].activity
    assert gone["object"] == {
        "id": f"http://testserver/blog/{post.pk}/",
        "type": "Tombstone",
        "formerType": "Article",
    }
    peer.received.clear()
    set_hidden(post, False, by=creator)
    assert sent_types(peer) == ["Create"]
    peer.received.clear()
    save_post(post, by=author, title=post.title, body=post.body, tags=[], links=[], publish=False)
    assert sent_types(peer) == ["Delete"]
    other = make_post(author, "Another")
    peer.received.clear()
    delete_post(other, by=author)
    assert sent_types(peer) == ["Delete"]


def test_a_members_comment_reaches_followers_as_a_note(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    post = make_post(author)
    peer.received.clear()
    add_comment(post, blogger("sana"), "Congratulations!")
    created = peer.received[-1].activity
    assert created["type"] == "Create"
    assert created["object"]["type"] == "Note"
    assert created["object"]["inReplyTo"] == f"http://testserver/blog/{post.pk}/"


def test_an_opted_out_member_sends_nothing(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    LocalActor.objects.filter(member=author).update(federated=False)
    make_post(author)
    assert peer.received == []


def test_nothing_is_sent_when_switched_off(client: Client, peer: Peer, settings: Any) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    settings.FEDERATION_ENABLED = False
    make_post(author)
    assert peer.received == []
    assert not Delivery.objects.exclude(activity__type="Accept").exists()


def test_a_failing_server_is_retried_with_backoff_then_given_up(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    peer.server.inbox_status = 503
    make_post(author)
    row = Delivery.objects.get(activity__type="Create")
    assert row.state == Delivery.State.RETRYING
    assert row.attempts == 1
    assert "503" in row.last_error
    first_wait = row.next_attempt_at - timezone.now()
    assert dt.timedelta(seconds=50) < first_wait <= dt.timedelta(minutes=1)
    # Not due yet: the scheduler's job leaves it.
    assert delivery.queue_due() == 0
    # Each later failure waits twice as long.
    later = row.next_attempt_at + dt.timedelta(seconds=1)
    assert delivery.due(later) == [row.pk]
    Delivery.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert delivery.queue_due() == 1
    row.refresh_from_db()
    assert row.attempts == 2
    assert (
        dt.timedelta(seconds=110) < row.next_attempt_at - timezone.now() <= dt.timedelta(minutes=2)
    )
    # The server is back: sent.
    peer.server.inbox_status = 202
    Delivery.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    delivery.queue_due()
    row.refresh_from_db()
    assert row.state == Delivery.State.SENT
    assert Server.objects.get(domain="127.0.0.1").failures == 0
    # A refusal for good (410) is given up at once.
    peer.server.inbox_status = 410
    make_post(author, "Another")
    assert Delivery.objects.filter(state="given_up").count() == 1


def test_backoff_grows_and_is_bounded() -> None:
    assert [delivery.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert delivery.backoff(30) == delivery.RETRY_MAX


def test_a_dead_server_is_marked_and_gets_nothing_more(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    Server.objects.update_or_create(
        domain="127.0.0.1", defaults={"failures": delivery.DEAD_AFTER - 1}
    )
    peer.server.inbox_status = 500
    make_post(author)
    assert Server.objects.get(domain="127.0.0.1").dead_at is not None
    peer.received.clear()
    make_post(author, "Another")
    assert peer.received == []


def test_a_blocked_server_gets_nothing(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    Server.objects.create(domain="127.0.0.1", blocked_at=timezone.now())
    make_post(author)
    assert peer.received == []


def test_one_delivery_per_inbox_whatever_the_followers(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    bob = {
        "id": peer.url("/follows/bob"),
        "type": "Follow",
        "actor": peer.actor_url("bob"),
        "object": "http://testserver/members/bilal/",
    }
    send(client, peer, "bob", "/ap/inbox/", bob)
    peer.received.clear()
    assert Follower.objects.count() == 2
    make_post(author)
    assert sent_types(peer) == ["Create"]  # one shared inbox for both


def test_a_delivery_runs_once_even_if_queued_twice(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    actor = actor_for(author)
    remote = RemoteActor.objects.create(
        url=peer.actor_url("alice"), domain="127.0.0.1", inbox=peer.url("/users/alice/inbox"),
        key_id="k", public_key="",
    )  # fmt: skip
    Follower.objects.create(actor=actor, remote=remote)
    row = delivery.queue(actor, {"type": "Create", "id": "x"}, [remote.inbox])[0]
    row_before = Delivery.objects.get(pk=row.pk)
    assert row_before.state == "sent"
    assert delivery.attempt(row) is False  # a stale copy of the pending row cannot send again
    assert len(peer.received) == 1


def test_finished_deliveries_are_forgotten_after_two_weeks(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    make_post(author)
    Delivery.objects.create(
        actor=actor_for(author), inbox="https://x.example/inbox", domain="x.example",
        activity={"type": "Create"}, state=Delivery.State.RETRYING,
    )  # fmt: skip
    finished = Delivery.objects.exclude(state="retrying").count()
    assert finished == 2  # the Accept of the follow, the Create of the post
    assert delivery.forget_finished() == 0
    later = timezone.now() + delivery.KEEP_FINISHED + dt.timedelta(minutes=1)
    assert delivery.forget_finished(later) == finished
    assert list(Delivery.objects.values_list("state", flat=True)) == ["retrying"]


def test_an_edit_sends_update(client: Client, peer: Peer) -> None:
    """Editing a published post (blogs publishes `blogs.edited`) sends Update{Article} with
    the post as it is now."""
    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    post = make_post(author, "Before")
    peer.received.clear()
    save_post(post, by=author, title="After", body=post.body, tags=[], links=[], publish=True)
    updated = [r.activity for r in peer.received if r.activity["type"] == "Update"]
    assert len(updated) == 1
    assert updated[0]["object"]["name"] == "After"
    assert updated[0]["object"]["id"] == f"http://testserver/blog/{post.pk}/"


def test_a_hidden_comment_is_deleted_elsewhere(client: Client, peer: Peer, creator: Member) -> None:
    from comments.services import set_hidden as hide_comment

    author = blogger("bilal")
    followed_by_alice(client, peer, "http://testserver/members/bilal/")
    post = make_post(author)
    comment = add_comment(post, blogger("sana"), "Hello there")
    peer.received.clear()
    hide_comment(comment, True, by=creator)
    assert sent_types(peer) == ["Delete"]
    assert (
        peer.received[0].activity["object"]["id"] == f"http://testserver/ap/comments/{comment.pk}/"
    )
    peer.received.clear()
    hide_comment(comment, False, by=creator)
    assert sent_types(peer) == ["Create"]
