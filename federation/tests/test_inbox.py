"""What other servers send: follows answered with an Accept, likes counted, replies waiting
for a moderator, deletions honoured, anything else accepted and ignored."""

import json
from typing import Any

import pytest
from django.test import Client

from comments.models import Comment
from comments.services import approve_comment
from conftest import client_for, make_post
from federation import signatures
from federation.keys import actor_for
from federation.models import Delivery, Follower, LocalActor, MemberBlock, RemoteActor
from likes.services import count_of
from members.models import Member

from .conftest import blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db
AS = "https://www.w3.org/ns/activitystreams"


def activity(peer: Peer, kind: str, obj: Any, name: str = "alice", n: int = 1) -> dict[str, Any]:
    return {
        "@context": AS,
        "id": peer.url(f"/activities/{name}-{kind.lower()}-{n}"),
        "type": kind,
        "actor": peer.actor_url(name),
        "object": obj,
    }


def note(peer: Peer, in_reply_to: str, text: str = "Lovely post!", n: int = 1) -> dict[str, Any]:
    return {
        "id": peer.url(f"/notes/{n}"),
        "type": "Note",
        "attributedTo": peer.actor_url("alice"),
        "inReplyTo": in_reply_to,
        "content": f"<p>{text}</p>",
        "to": [f"{AS}#Public"],
    }


def test_a_follow_is_stored_and_accepted(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    follow = activity(peer, "Follow", "http://testserver/members/bilal/")
    response = send(client, peer, "alice", "/ap/members/bilal/inbox/", follow)
    assert response.status_code == 202
    follower = Follower.objects.get()
    assert follower.actor.member == author
    assert follower.remote.url == peer.actor_url("alice")
    # The Accept went to alice's server's shared inbox, signed by bilal's key.
    accepted = [r for r in peer.received if r.activity["type"] == "Accept"]
    assert len(accepted) == 1
    sent = accepted[0]
    assert sent.path == "/inbox"
    assert sent.activity["actor"] == "http://testserver/members/bilal/"
    assert sent.activity["object"]["id"] == follow["id"]
    signature = signatures.parse(sent.headers["signature"])
    assert signature.key_id == "http://testserver/members/bilal/#main-key"
    signatures.verify(
        signature, method="POST", path="/inbox", headers=sent.headers, body=sent.body,
        public_key_pem=LocalActor.objects.get(member=author).public_key,
    )  # fmt: skip
    assert Delivery.objects.get().state == Delivery.State.SENT
    followers = client.get(
        "/ap/members/bilal/followers/", headers={"Accept": "application/activity+json"}
    )
    assert followers.json()["totalItems"] == 1


def test_undo_follow_removes_the_follower(client: Client, peer: Peer) -> None:
    blogger("bilal")
    follow = activity(peer, "Follow", "http://testserver/members/bilal/")
    send(client, peer, "alice", "/ap/inbox/", follow)
    assert Follower.objects.count() == 1
    undo = activity(peer, "Undo", {k: v for k, v in follow.items() if k != "@context"})
    assert send(client, peer, "alice", "/ap/inbox/", undo).status_code == 202
    assert not Follower.objects.exists()


def test_a_member_who_blocked_the_account_gets_no_follower(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    send(client, peer, "alice", "/ap/inbox/", activity(peer, "Like", "http://x.example/"))
    remote = RemoteActor.objects.get()
    MemberBlock.objects.create(member=author, remote=remote)
    follow = activity(peer, "Follow", "http://testserver/members/bilal/", n=2)
    assert send(client, peer, "alice", "/ap/inbox/", follow).status_code == 202
    assert not Follower.objects.exists()
    assert not [r for r in peer.received if r.activity["type"] == "Accept"]


def test_likes_are_counted_once_and_taken_back(client: Client, peer: Peer) -> None:
    post = make_post(blogger("bilal"))
    like = activity(peer, "Like", f"http://testserver/blog/{post.pk}/")
    assert send(client, peer, "alice", "/ap/inbox/", like).status_code == 202
    assert count_of(post) == 1
    twice = dict(like, id=like["id"] + "-again")
    send(client, peer, "alice", "/ap/inbox/", twice)
    assert count_of(post) == 1  # one account, one like
    send(client, peer, "bob", "/ap/inbox/", activity(peer, "Like", like["object"], name="bob"))
    assert count_of(post) == 2
    page = client.get(post.get_absolute_url())
    assert b"2 Likes" in page.content or b">2<" in page.content
    undo = activity(peer, "Undo", {k: v for k, v in like.items() if k != "@context"})
    send(client, peer, "alice", "/ap/inbox/", undo)
    assert count_of(post) == 1


def test_a_reply_waits_for_a_moderator_then_shows(
    client: Client, peer: Peer, creator: Member
) -> None:
    post = make_post(blogger("bilal"))
    reply = activity(peer, "Create", note(peer, f"http://testserver/blog/{post.pk}/"))
    assert send(client, peer, "alice", "/ap/inbox/", reply).status_code == 202
    comment = Comment.objects.get()
    assert comment.is_pending
    assert comment.body == "Lovely post!"
    assert comment.author.origin == Member.Origin.REMOTE
    assert comment.author.display_name == "Alice Elsewhere"
    assert comment.source_id == peer.url("/notes/1")
    assert b"Lovely post!" not in client.get(post.get_absolute_url()).content
    queue = client_for(creator).get("/manage/moderation/pending/")
    assert queue.status_code == 200
    assert b"Lovely post!" in queue.content
    approve_comment(comment, by=creator)
    assert b"Lovely post!" in client.get(post.get_absolute_url()).content
    post.refresh_from_db()
    assert post.comment_count == 1
    # The same note again changes nothing.
    again = dict(reply, id=reply["id"] + "-again")
    send(client, peer, "alice", "/ap/inbox/", again)
    assert Comment.objects.count() == 1


def test_a_reply_to_a_comment_goes_under_it(client: Client, peer: Peer) -> None:
    from comments.services import add_comment

    post = make_post(blogger("bilal"))
    first = add_comment(post, blogger("sana"), "First!")
    reply = activity(peer, "Create", note(peer, f"http://testserver/ap/comments/{first.pk}/"))
    send(client, peer, "alice", "/ap/inbox/", reply)
    assert Comment.objects.get(source_id=peer.url("/notes/1")).parent == first


def test_replies_to_what_does_not_federate_are_ignored(
    client: Client, peer: Peer, creator: Member
) -> None:
    draft = make_post(blogger("bilal"), publish=False)
    reply = activity(peer, "Create", note(peer, f"http://testserver/blog/{draft.pk}/"))
    assert send(client, peer, "alice", "/ap/inbox/", reply).status_code == 202
    elsewhere = activity(peer, "Create", note(peer, "https://elsewhere.example/1", n=2), n=2)
    send(client, peer, "alice", "/ap/inbox/", elsewhere)
    # A note claiming to be someone else's.
    post = make_post(blogger("sana"))
    forged = note(peer, f"http://testserver/blog/{post.pk}/", n=3)
    forged["attributedTo"] = peer.actor_url("bob")
    send(client, peer, "alice", "/ap/inbox/", activity(peer, "Create", forged, n=3))
    assert not Comment.objects.exists()


def test_the_author_deletes_their_reply(client: Client, peer: Peer, creator: Member) -> None:
    post = make_post(blogger("bilal"))
    reply_note = note(peer, f"http://testserver/blog/{post.pk}/")
    send(client, peer, "alice", "/ap/inbox/", activity(peer, "Create", reply_note))
    approve_comment(Comment.objects.get(), by=creator)
    # bob cannot delete alice's reply.
    send(client, peer, "bob", "/ap/inbox/", activity(peer, "Delete", reply_note["id"], name="bob"))
    assert Comment.objects.count() == 1
    tombstone = {"id": reply_note["id"], "type": "Tombstone"}
    assert (
        send(client, peer, "alice", "/ap/inbox/", activity(peer, "Delete", tombstone)).status_code
        == 202
    )
    assert not Comment.objects.exists()
    post.refresh_from_db()
    assert post.comment_count == 0


def test_unknown_activities_are_accepted_and_ignored(client: Client, peer: Peer) -> None:
    response = send(client, peer, "alice", "/ap/inbox/", activity(peer, "Move", "x"))
    assert response.status_code == 202
    assert not Follower.objects.exists() and not Comment.objects.exists()


def test_a_follow_of_the_network_blog(client: Client, peer: Peer) -> None:
    follow = activity(peer, "Follow", "http://testserver/blog/")
    send(client, peer, "alice", "/ap/network/inbox/", follow)
    assert Follower.objects.get().actor == actor_for(None)
    accept = next(r for r in peer.received if r.activity["type"] == "Accept")
    assert json.loads(accept.body)["actor"] == "http://testserver/blog/"
