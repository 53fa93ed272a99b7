"""HTTP Signatures: what we sign verifies, and what other servers send is checked (forged,
stale, replayed, wrong key, wrong digest, someone else's key → 401 with a reason)."""

import datetime as dt
from email.utils import format_datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from federation import signatures
from federation.keys import actor_for
from federation.models import RemoteActor, Server
from network.models import Network

from .conftest import send
from .peer import Peer

pytestmark = pytest.mark.django_db

INBOX = "/ap/inbox/"


def follow(
    peer: Peer, name: str = "alice", target: str = "http://testserver/blog/"
) -> dict[str, Any]:
    return {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": peer.url(f"/follows/{name}-1"),
        "type": "Follow",
        "actor": peer.actor_url(name),
        "object": target,
    }


def test_what_we_sign_verifies_with_the_public_key(federation_on: Network) -> None:
    actor = actor_for(None)
    body = b'{"type": "Create"}'
    headers = signatures.sign(
        "POST",
        "https://peer.example/inbox?x=1",
        key_id="http://testserver/blog/#main-key",
        private_key_pem=actor.private_key,
        body=body,
    )
    assert headers["Host"] == "peer.example"
    assert headers["Digest"] == signatures.digest(body)
    signature = signatures.parse(headers["Signature"])
    assert signature.headers == ["(request-target)", "host", "date", "digest", "content-type"]
    lower = {k.lower(): v for k, v in headers.items()}
    signatures.verify(
        signature, method="POST", path="/inbox?x=1", headers=lower, body=body,
        public_key_pem=actor.public_key,
    )  # fmt: skip
    with pytest.raises(signatures.SignatureError, match="replay"):
        signatures.verify(
            signature, method="POST", path="/inbox?x=1", headers=lower, body=body,
            public_key_pem=actor.public_key,
        )  # fmt: skip


def test_a_signed_follow_is_accepted(client: Client, peer: Peer) -> None:
    response = send(client, peer, "alice", INBOX, follow(peer))
    assert response.status_code == 202
    remote = RemoteActor.objects.get(url=peer.actor_url("alice"))
    assert remote.preferred_username == "alice"
    assert remote.shared_inbox == peer.url("/inbox")
    assert remote.key_id == peer.key_id("alice")
    assert remote.member is not None and remote.member.origin == "remote"


def test_an_unsigned_request_is_refused(client: Client, peer: Peer) -> None:
    response = client.post(INBOX, data=follow(peer), content_type="application/activity+json")
    assert response.status_code == 401
    assert response.content == b"not signed"


def test_a_forged_signature_is_refused(client: Client, peer: Peer) -> None:
    # Signed by mallory's key, claiming alice's key id.
    response = send(client, peer, "alice", INBOX, follow(peer), key_name="mallory")
    assert response.status_code == 401
    assert b"signature does not match" in response.content
    assert not RemoteActor.objects.filter(member__isnull=True).exists()


def test_a_key_of_someone_else_is_refused(client: Client, peer: Peer) -> None:
    # bob signs an activity whose actor is alice.
    response = send(client, peer, "bob", INBOX, follow(peer, "alice"))
    assert response.status_code == 401
    assert response.content == b"the key's owner is not the activity's actor"


def test_a_wrong_key_id_of_the_actor_is_refused(client: Client, peer: Peer) -> None:
    response = send(
        client, peer, "alice", INBOX, follow(peer), key_id=peer.actor_url("alice") + "#other-key"
    )
    assert response.status_code == 401
    assert response.content == b"the key is not the actor's"


def test_a_wrong_digest_is_refused(client: Client, peer: Peer) -> None:
    response = send(client, peer, "alice", INBOX, follow(peer), digest_body=b"{}")
    assert response.status_code == 401
    assert response.content == b"Digest does not match the body"


def test_a_stale_request_is_refused(client: Client, peer: Peer) -> None:
    old = format_datetime(timezone.now() - dt.timedelta(hours=2), usegmt=True)
    response = send(client, peer, "alice", INBOX, follow(peer), date=old)
    assert response.status_code == 401
    assert response.content == b"request too old (Date)"
    ahead = format_datetime(timezone.now() + dt.timedelta(hours=1), usegmt=True)
    response = send(client, peer, "alice", INBOX, follow(peer), date=ahead)
    assert response.content == b"request dated in the future"


def test_a_replayed_request_is_refused(client: Client, peer: Peer) -> None:
    import json

    body = json.dumps(follow(peer)).encode()
    headers = peer.sign("alice", "testserver", INBOX, body)
    headers.pop("Host")
    first = client.post(INBOX, body, content_type="application/activity+json", headers=headers)
    assert first.status_code == 202
    again = client.post(INBOX, body, content_type="application/activity+json", headers=headers)
    assert again.status_code == 401
    assert again.content == b"signature already used (replay)"


def test_a_signature_for_another_inbox_is_refused(client: Client, peer: Peer) -> None:
    import json

    body = json.dumps(follow(peer)).encode()
    headers = peer.sign("alice", "testserver", "/ap/network/inbox/", body)
    headers.pop("Host")
    response = client.post(INBOX, body, content_type="application/activity+json", headers=headers)
    assert response.status_code == 401


def test_a_blocked_server_is_refused(client: Client, peer: Peer) -> None:
    Server.objects.create(domain="127.0.0.1", blocked_at=timezone.now())
    response = send(client, peer, "alice", INBOX, follow(peer))
    assert response.status_code == 403
    assert not RemoteActor.objects.exists()  # not even fetched


def test_bodies_are_limited_and_must_be_json(client: Client, peer: Peer) -> None:
    huge = client.post(INBOX, b"{" + b" " * 300_000 + b"}", content_type="application/json")
    assert huge.status_code == 413
    assert client.post(INBOX, b"not json", content_type="application/json").status_code == 400
    assert client.post(INBOX, b"[1, 2]", content_type="application/json").status_code == 400
    assert client.get(INBOX).status_code == 405
