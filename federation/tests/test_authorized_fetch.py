"""Authorized fetch, the administrators' choice: our documents only for signed requests of a
known, unblocked account; the instance actor, WebFinger and NodeInfo open; our own fetches
signed by the instance actor."""

from typing import Any

import pytest
from django.test import Client

from conftest import client_for, make_post
from federation import signatures
from federation.choices import instance_actor
from federation.models import NetworkChoices, Server
from members.models import ActionLog, Member

from .conftest import blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db
AP = "application/activity+json"


def turn_on() -> None:
    NetworkChoices.objects.update_or_create(pk=1, defaults={"authorized_fetch": True})


def signed_get(client: Client, peer: Peer, path: str, name: str = "alice") -> Any:
    headers = peer.sign_get(name, "testserver", path)
    return client.get(path, headers={"Accept": AP, **headers})


def test_documents_need_a_known_accounts_signature(client: Client, peer: Peer) -> None:
    post = make_post(blogger("bilal"))
    paths = [
        "/members/bilal/",
        "/blog/",
        f"/blog/{post.pk}/",
        "/ap/members/bilal/outbox/",
        "/ap/members/bilal/followers/",
        "/ap/network/outbox/?page=1",
    ]
    for path in paths:
        assert client.get(path, headers={"Accept": AP}).status_code == 200, path
    turn_on()
    for path in paths:
        refused = client.get(path, headers={"Accept": AP})
        assert refused.status_code == 401, path
        assert signed_get(client, peer, path).status_code == 200, path
    # Browsers still get the pages.
    assert client.get("/members/bilal/").status_code == 200
    # Open without a signature: the instance actor (whose key signs our fetches), discovery.
    actor = client.get("/ap/actor/", headers={"Accept": AP})
    assert actor.status_code == 200
    assert actor.json()["type"] == "Application"
    assert actor.json()["publicKey"]["publicKeyPem"] == instance_actor().public_key
    assert client.get("/.well-known/webfinger?resource=acct:bilal@testserver").status_code == 200
    assert client.get("/nodeinfo/2.1").status_code == 200


def test_a_bad_or_blocked_signature_reads_nothing(client: Client, peer: Peer) -> None:
    blogger("bilal")
    turn_on()
    path = "/members/bilal/"
    headers = peer.sign_get("alice", "testserver", path)
    # Signed for another address.
    other = client.get("/blog/", headers={"Accept": AP, **headers})
    assert other.status_code == 401
    # Signed with bob's key under alice's name.
    forged = peer.sign_get("bob", "testserver", path)
    forged["Signature"] = forged["Signature"].replace("/users/bob", "/users/alice")
    assert client.get(path, headers={"Accept": AP, **forged}).status_code == 401
    # A stale date.
    old = peer.sign_get("alice", "testserver", path, date="Mon, 02 Nov 2026 10:00:00 GMT")
    assert client.get(path, headers={"Accept": AP, **old}).status_code == 401
    Server.objects.create(domain="127.0.0.1", blocked_at="2026-01-01T00:00:00Z")
    assert signed_get(client, peer, path).status_code == 403


def test_our_fetches_are_always_signed_by_the_instance_actor(client: Client, peer: Peer) -> None:
    """Interop finding 1: servers answering only signed GETs (bovine, GoToSocial, Mastodon in
    secure mode) must be readable whatever our own choice."""
    blogger("bilal")
    peer.server.require_signature = True
    follow = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": peer.url("/follows/1"),
        "type": "Follow",
        "actor": peer.actor_url("alice"),
        "object": "http://testserver/members/bilal/",
    }
    assert not NetworkChoices.objects.filter(authorized_fetch=True).exists()
    assert send(client, peer, "alice", "/ap/inbox/", follow).status_code == 202
    fetched = [r for r in peer.fetched if r.path == "/users/alice" and "signature" in r.headers]
    assert fetched
    signature = signatures.parse(fetched[-1].headers["signature"])
    assert signature.key_id == "http://testserver/ap/actor/#main-key"
    signatures.verify(
        signature,
        method="GET",
        path="/users/alice",
        headers=fetched[-1].headers,
        body=b"",
        public_key_pem=instance_actor().public_key,
    )


def test_only_administrators_choose(peer: Peer, admin_member: Member) -> None:
    member = blogger("sana")
    data = {"authorized_fetch": "on", "remote_replies": "section"}
    assert client_for(member).post("/manage/federation/choices/", data).status_code == 403
    assert not NetworkChoices.objects.exists()
    admin = client_for(admin_member)
    page = admin.get("/manage/federation/")
    assert b"authorized fetch" in page.content
    assert admin.post("/manage/federation/choices/", data).status_code == 302
    chosen = NetworkChoices.objects.get()
    assert chosen.authorized_fetch and chosen.remote_replies == "section"
    assert ActionLog.objects.filter(action="federation.choices").exists()
    bad = admin.post("/manage/federation/choices/", {"remote_replies": "elsewhere"})
    assert bad.status_code == 400


def test_an_rfc9421_signed_get_reads_too(client: Client, peer: Peer) -> None:
    import base64
    import time

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    from .peer import key

    blogger("bilal")
    turn_on()

    def rfc9421_get(path: str, signed_path: str) -> Any:
        params = (
            f'("@method" "@target-uri");created={int(time.time())};'
            f'keyid="{peer.key_id("alice")}";alg="rsa-v1_5-sha256"'
        )
        base = (
            f'"@method": GET\n"@target-uri": http://testserver{signed_path}\n'
            f'"@signature-params": {params}'
        )
        raw = key("alice").sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())
        headers = {
            "Accept": AP,
            "Signature-Input": f"sig1={params}",
            "Signature": f"sig1=:{base64.b64encode(raw).decode()}:",
        }
        return client.get(path, headers=headers)

    assert rfc9421_get("/members/bilal/", "/members/bilal/").status_code == 200
    assert rfc9421_get("/members/bilal/", "/blog/").status_code == 401
