"""The people's side: a member's choice and blocks, the administrators' blocked servers, the
"Follow from your server" box on a member's page."""

import pytest
from django.test import Client

from conftest import client_for, make_post
from federation.models import Delivery, Follower, LocalActor, MemberBlock, RemoteActor, Server
from members.models import ActionLog, Member

from .conftest import ap_get, blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db


def alice_follows(client: Client, peer: Peer, handle: str = "bilal") -> None:
    follow = {
        "id": peer.url(f"/follows/{handle}"),
        "type": "Follow",
        "actor": peer.actor_url("alice"),
        "object": f"http://testserver/members/{handle}/",
    }
    assert send(client, peer, "alice", "/ap/inbox/", follow).status_code == 202


def test_the_member_page_shows_the_handle_and_the_followers(client: Client, peer: Peer) -> None:
    blogger("bilal")
    page = client.get("/members/bilal/")
    assert b"@bilal@testserver" in page.content
    assert b"0 followers on other servers" in page.content
    alice_follows(client, peer)
    again = client.get("/members/bilal/")
    assert b"1 follower on other servers" in again.content


def test_no_box_while_federation_is_off(client: Client, network: object) -> None:
    blogger("bilal")
    assert b"@bilal@" not in client.get("/members/bilal/").content


def test_a_member_opts_out_and_back_in(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    own = client_for(author)
    page = own.get("/settings/federation/")
    assert page.status_code == 200
    assert b"@bilal@testserver" in page.content
    assert own.post("/settings/federation/", {}).status_code == 302
    assert LocalActor.objects.get(member=author).federated is False
    assert ap_get(client, "/members/bilal/").status_code == 404
    assert b"@bilal@testserver" not in client.get("/members/bilal/").content
    own.post("/settings/federation/", {"federated": "on"})
    assert ap_get(client, "/members/bilal/").status_code == 200


def test_a_member_blocks_a_follower(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    alice_follows(client, peer)
    own = client_for(author)
    listed = own.get("/settings/federation/")
    assert b"@alice@127.0.0.1" in listed.content
    remote = RemoteActor.objects.get()
    assert own.post(f"/settings/federation/block/{remote.pk}/").status_code == 302
    assert not Follower.objects.exists()
    assert MemberBlock.objects.filter(member=author, remote=remote).exists()
    # Their reply to the member's post is refused now.
    post = make_post(author)
    reply = {
        "id": peer.url("/activities/reply"),
        "type": "Create",
        "actor": peer.actor_url("alice"),
        "object": {
            "id": peer.url("/notes/9"),
            "type": "Note",
            "attributedTo": peer.actor_url("alice"),
            "inReplyTo": f"http://testserver/blog/{post.pk}/",
            "content": "<p>hello</p>",
        },
    }
    send(client, peer, "alice", "/ap/inbox/", reply)
    assert not post.comments.exists()
    block = MemberBlock.objects.get()
    other = client_for(blogger("sana"))
    assert other.post(f"/settings/federation/unblock/{block.pk}/").status_code == 404
    assert own.post(f"/settings/federation/unblock/{block.pk}/").status_code == 302
    assert not MemberBlock.objects.exists()


def test_administrators_block_a_server(
    client: Client, peer: Peer, admin_member: Member, member: Member
) -> None:
    blogger("bilal")
    alice_follows(client, peer)
    assert client_for(member).get("/manage/federation/").status_code == 403
    assert (
        client_for(member).post("/manage/federation/block/", {"domain": "x.example"}).status_code
        == 403
    )
    admin = client_for(admin_member)
    assert admin.get("/manage/federation/").status_code == 200
    # First the question, with what it will do.
    asked = admin.get("/manage/federation/block/", {"domain": "HTTPS://127.0.0.1/"})
    assert asked.status_code == 200
    assert b"1 of its accounts follows someone here" in asked.content
    assert b'value="127.0.0.1"' in asked.content
    assert Server.objects.filter(blocked_at__isnull=False).count() == 0
    Delivery.objects.update(state=Delivery.State.RETRYING)
    done = admin.post("/manage/federation/block/", {"domain": "127.0.0.1", "reason": "spam"})
    assert done.status_code == 302
    server = Server.objects.get(domain="127.0.0.1")
    assert server.blocked_at is not None
    assert not Follower.objects.exists()
    assert set(Delivery.objects.values_list("state", flat=True)) == {"given_up"}
    assert ActionLog.objects.filter(action="federation.block_domain", target_label="127.0.0.1")
    assert b"127.0.0.1" in admin.get("/manage/federation/").content
    # Their requests are refused now.
    alice = {
        "id": peer.url("/follows/again"),
        "type": "Follow",
        "actor": peer.actor_url("alice"),
        "object": "http://testserver/members/bilal/",
    }
    assert send(client, peer, "alice", "/ap/inbox/", alice).status_code == 403
    assert admin.post(f"/manage/federation/{server.pk}/unblock/").status_code == 302
    server.refresh_from_db()
    assert server.blocked_at is None


@pytest.mark.parametrize(
    "typed", ["", "nodots", "bad host.example", "testserver.", "a..b", "\u202e.example", "x" * 300]
)
def test_a_server_name_must_be_one(
    client: Client, federation_on: object, admin_member: Member, typed: str
) -> None:
    admin = client_for(admin_member)
    assert admin.get("/manage/federation/block/", {"domain": typed}).status_code == 400
    response = admin.post("/manage/federation/block/", {"domain": typed, "reason": "spam"})
    assert response.status_code == 400
    assert b"spam" in response.content
    assert not Server.objects.exists()


def test_follow_from_your_server_sends_people_to_their_server(
    client: Client, federation_on: object
) -> None:
    blogger("bilal")
    page = client.get("/members/bilal/")
    assert b'action="/members/bilal/follow/"' in page.content
    response = client.get("/members/bilal/follow/", {"account": "@Sana@Mastodon.Example"})
    assert response.status_code == 302
    assert response["Location"] == (
        "https://mastodon.example/authorize_interaction?uri=http%3A%2F%2Ftestserver%2Fmembers%2Fbilal%2F"
    )
    asked = client.get("/members/bilal/follow/")
    assert asked.status_code == 200
    assert b"@bilal@testserver" in asked.content


@pytest.mark.parametrize(
    "typed", ["sana", "@sana@", "sana@localhost", "a b@x.example", "sana@x.example/evil", "@@"]
)
def test_follow_from_your_server_needs_an_address(
    client: Client, federation_on: object, typed: str
) -> None:
    blogger("bilal")
    response = client.get("/members/bilal/follow/", {"account": typed})
    assert response.status_code == 400
    assert b"@name@your.server" in response.content
