"""Members follow accounts of other servers by handle: WebFinger and the actor read through
the guarded fetcher from a task, the Follow sent, Accept/Reject heard, Undo on unfollow; what
those accounts post arrives in the member's own "Following" stream."""

from typing import Any

import pytest
from django.test import Client

from conftest import client_for
from federation.models import Delivery, Following, RemoteActor, RemoteNote
from members.models import Member

from .conftest import blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db
AS = "https://www.w3.org/ns/activitystreams"


def follow_alice(peer: Peer, member: Member) -> Following:
    client = client_for(member)
    response = client.post(
        "/settings/federation/following/", {"handle": f"@alice@{peer.host}"}, follow=True
    )
    assert response.status_code == 200
    return Following.objects.get(member=member)


def accept(client: Client, peer: Peer, row: Following, n: int = 1) -> Any:
    answer = {
        "@context": AS,
        "id": peer.url(f"/accepts/{n}"),
        "type": "Accept",
        "actor": peer.actor_url("alice"),
        "object": {
            "id": row.follow_id,
            "type": "Follow",
            "actor": f"http://testserver/members/{row.member.handle}/",
            "object": peer.actor_url("alice"),
        },
    }
    return send(client, peer, "alice", "/ap/inbox/", answer)


def post_of(peer: Peer, name: str, n: int, text: str, **extra: Any) -> dict[str, Any]:
    note = {
        "id": peer.url(f"/{name}/notes/{n}"),
        "type": "Note",
        "attributedTo": peer.actor_url(name),
        "content": text,
        "url": peer.url(f"/@{name}/{n}"),
        "published": f"2026-11-{1 + n % 28:02d}T10:{n % 60:02d}:00Z",
        "to": [f"{AS}#Public"],
        **extra,
    }
    return {
        "@context": AS,
        "id": note["id"] + "/activity",
        "type": "Create",
        "actor": peer.actor_url(name),
        "object": note,
    }


def test_following_by_handle_sends_a_follow_and_hears_the_accept(
    client: Client, peer: Peer
) -> None:
    sana = blogger("sana")
    row = follow_alice(peer, sana)
    # Looked up through WebFinger, then the actor, and followed.
    paths = [r.path for r in peer.fetched]
    assert paths[0] == f"/.well-known/webfinger?resource=acct:alice@{peer.host}"
    assert "/users/alice" in paths
    assert row.state == Following.State.PENDING
    assert row.remote == RemoteActor.objects.get(url=peer.actor_url("alice"))
    follows = [r for r in peer.received if r.activity["type"] == "Follow"]
    assert len(follows) == 1
    assert follows[0].activity["actor"] == "http://testserver/members/sana/"
    assert follows[0].activity["object"] == peer.actor_url("alice")
    assert follows[0].activity["id"] == row.follow_id
    page = client_for(sana).get("/settings/federation/following/")
    assert f"@alice@{peer.host}".encode() in page.content
    assert b"Waiting for their answer" in page.content

    assert accept(client, peer, row).status_code == 202
    row.refresh_from_db()
    assert row.state == Following.State.ACCEPTED
    assert b"Following" in client_for(sana).get("/settings/federation/following/").content
    # Their following collection counts it (not who).
    count = client.get(
        "/ap/members/sana/following/", headers={"Accept": "application/activity+json"}
    )
    assert count.json()["totalItems"] == 1


def test_a_reject_is_shown_and_another_actor_cannot_answer_for_them(
    client: Client, peer: Peer
) -> None:
    row = follow_alice(peer, blogger("sana"))
    reject = {
        "@context": AS,
        "id": peer.url("/rejects/1"),
        "type": "Reject",
        "actor": peer.actor_url("bob"),
        "object": row.follow_id,
    }
    send(client, peer, "bob", "/ap/inbox/", reject)
    row.refresh_from_db()
    assert row.state == Following.State.PENDING  # bob cannot answer alice's follow
    reject["actor"] = peer.actor_url("alice")
    reject["id"] = peer.url("/rejects/2")
    send(client, peer, "alice", "/ap/inbox/", reject)
    row.refresh_from_db()
    assert row.state == Following.State.REJECTED
    assert b"Refused" in client_for(row.member).get("/settings/federation/following/").content


def test_the_page_says_when_the_lookup_is_still_waiting(peer: Peer) -> None:
    sana = blogger("sana")
    Following.objects.create(member=sana, handle="carol@slow.example")
    page = client_for(sana).get("/settings/federation/following/")
    assert b"Asked, waiting for their server" in page.content


def test_an_unknown_account_or_a_bad_address_is_said(peer: Peer) -> None:
    sana = blogger("sana")
    client = client_for(sana)
    client.post("/settings/federation/following/", {"handle": f"@nobody@{peer.host}"})
    row = Following.objects.get()
    assert row.state == Following.State.FAILED
    assert b"Not found" in client.get("/settings/federation/following/").content
    assert not peer.received  # no Follow went anywhere
    for bad in ("alice", "@alice@", "alice@localhost", "@al ice@x.example", "@sana@testserver"):
        response = client.post("/settings/federation/following/", {"handle": bad})
        assert response.status_code == 400, bad
        assert bad.encode() in response.content  # kept as typed
    assert Following.objects.count() == 1


def test_followed_accounts_posts_arrive_in_the_followers_own_stream(
    client: Client, peer: Peer
) -> None:
    sana, omar = blogger("sana"), blogger("omar")
    row = follow_alice(peer, sana)
    accept(client, peer, row)
    hello = post_of(
        peer, "alice", 1, '<p>Hello <a href="https://x.example/">there</a></p><script>x()</script>'
    )
    assert send(client, peer, "alice", "/ap/inbox/", hello).status_code == 202
    # bob is followed by nobody here: his post is not kept.
    send(client, peer, "bob", "/ap/inbox/", post_of(peer, "bob", 1, "<p>Bob here</p>"))
    # A direct message of alice to someone is not a post to her followers.
    private = post_of(peer, "alice", 2, "<p>Just for you</p>", to=["https://z.example/u/z"])
    send(client, peer, "alice", "/ap/inbox/", private)
    note = RemoteNote.objects.get()
    assert note.author.url == peer.actor_url("alice")
    assert "<script" not in note.content_html
    assert note.url == peer.url("/@alice/1")
    page = client_for(sana).get("/following/elsewhere/")
    assert page.status_code == 200
    assert b"Hello" in page.content
    assert b"<script>x()" not in page.content
    assert b"Bob here" not in page.content and b"Just for you" not in page.content
    # Only the member who follows sees it.
    assert b"Hello" not in client_for(omar).get("/following/elsewhere/").content
    assert client.get("/following/elsewhere/").status_code == 302  # visitors sign in
    # The author deletes it: gone from the stream.
    delete = {
        "@context": AS,
        "id": peer.url("/deletes/1"),
        "type": "Delete",
        "actor": peer.actor_url("alice"),
        "object": {"id": hello["object"]["id"], "type": "Tombstone"},
    }
    send(client, peer, "alice", "/ap/inbox/", delete)
    assert not RemoteNote.objects.exists()


def test_unfollowing_sends_undo_and_empties_the_stream(client: Client, peer: Peer) -> None:
    sana = blogger("sana")
    row = follow_alice(peer, sana)
    accept(client, peer, row)
    send(client, peer, "alice", "/ap/inbox/", post_of(peer, "alice", 1, "<p>Hello</p>"))
    own = client_for(sana)
    assert b"Hello" in own.get("/following/elsewhere/").content
    # Someone else cannot stop sana's follow.
    assert (
        client_for(blogger("omar"))
        .post(f"/settings/federation/following/{row.pk}/stop/")
        .status_code
        == 404
    )
    response = own.post(f"/settings/federation/following/{row.pk}/stop/")
    assert response.status_code == 302
    assert not Following.objects.exists()
    undo = [r.activity for r in peer.received if r.activity["type"] == "Undo"]
    assert len(undo) == 1
    assert undo[0]["object"]["id"] == row.follow_id
    assert undo[0]["object"]["type"] == "Follow"
    assert b"Hello" not in own.get("/following/elsewhere/").content
    # Later posts of alice are not kept for anyone.
    send(client, peer, "alice", "/ap/inbox/", post_of(peer, "alice", 2, "<p>Again</p>"))
    assert RemoteNote.objects.count() == 1
    assert Delivery.objects.filter(activity__type="Undo").count() == 1


def test_the_stream_pages_by_keyset(client: Client, peer: Peer) -> None:
    sana = blogger("sana")
    row = follow_alice(peer, sana)
    accept(client, peer, row)
    remote = RemoteActor.objects.get(url=peer.actor_url("alice"))
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    RemoteNote.objects.bulk_create(
        RemoteNote(
            author=remote,
            object_id=peer.url(f"/n/{n}"),
            content_html=f"<p>Number {n:02d}.</p>",
            published=now - dt.timedelta(minutes=n // 2),  # pairs share a time
        )
        for n in range(25)
    )
    own = client_for(sana)
    first = own.get("/following/elsewhere/").content.decode()
    assert "Number 00." in first and "Number 19." in first and "Number 20." not in first
    cursor = first.split('href="?before=')[1].split('"')[0]
    second = own.get(f"/following/elsewhere/?before={cursor}").content.decode()
    assert "Number 20." in second and "Number 24." in second and "Number 19." not in second
    assert "?before=" not in second
    assert own.get("/following/elsewhere/?before=%%%garbage").status_code == 200


def test_follows_end_when_the_member_leaves_the_account_goes_or_its_server_is_blocked(
    client: Client, peer: Peer, admin_member: Member
) -> None:
    from federation.services import block_domain
    from members.services import leave

    sana, omar = blogger("sana"), blogger("omar")
    accept(client, peer, follow_alice(peer, sana))
    peer.received.clear()
    leave(sana, keep_content=True)
    undo = [r.activity for r in peer.received if r.activity["type"] == "Undo"]
    assert len(undo) == 1 and undo[0]["object"]["type"] == "Follow"
    assert not Following.objects.filter(member=sana).exists()

    row = follow_alice(peer, omar)
    accept(client, peer, row, n=2)
    send(client, peer, "alice", "/ap/inbox/", post_of(peer, "alice", 1, "<p>Hello</p>"))
    assert RemoteNote.objects.count() == 1
    gone = {
        "@context": AS,
        "id": peer.url("/users/alice#delete"),
        "type": "Delete",
        "actor": peer.actor_url("alice"),
        "object": peer.actor_url("alice"),
    }
    send(client, peer, "alice", "/ap/inbox/", gone)
    assert not Following.objects.exists() and not RemoteNote.objects.exists()

    follow_alice(peer, omar)
    block_domain("127.0.0.1", by=admin_member)
    assert not Following.objects.exists()
