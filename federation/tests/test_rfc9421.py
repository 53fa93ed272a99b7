"""RFC 9421 signatures on deliveries, where a server offers them: rsa-v1_5-sha256 and
ed25519, with Content-Digest; everything the border demands (what is covered, the time, the
digest, replays, the key's owner), and odd headers answered 401, never 500. The signing below
is the test's own, written from the RFC."""

import base64
import hashlib
import json
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding
from django.test import Client

from federation.models import Follower

from .conftest import blogger
from .peer import Peer, key

pytestmark = pytest.mark.django_db
AS = "https://www.w3.org/ns/activitystreams"
ED_KEY = ed25519.Ed25519PrivateKey.generate()


def follow(peer: Peer, name: str, n: int = 1) -> dict[str, Any]:
    return {
        "@context": AS,
        "id": peer.url(f"/follows/{name}/{n}"),
        "type": "Follow",
        "actor": peer.actor_url(name),
        "object": "http://testserver/members/bilal/",
    }


def signed(
    peer: Peer,
    name: str,
    body: bytes,
    *,
    path: str = "/ap/inbox/",
    components: tuple[str, ...] = ("@method", "@target-uri", "content-digest"),
    created: int | None = None,
    alg: str = "rsa-v1_5-sha256",
    digest_of: bytes | None = None,
    signed_path: str | None = None,
) -> dict[str, str]:
    digest = base64.b64encode(hashlib.sha256(body if digest_of is None else digest_of).digest())
    headers = {
        "content-digest": f"sha-256=:{digest.decode()}:",
        "content-type": "application/activity+json",
    }
    values = {
        "@method": "POST",
        "@target-uri": f"http://testserver{signed_path or path}",
        "@authority": "testserver",
        "@path": signed_path or path,
        **headers,
    }
    inner = "(" + " ".join(f'"{c}"' for c in components) + ")"
    params = (
        f'{inner};created={created or int(time.time())};keyid="{peer.key_id(name)}";alg="{alg}"'
    )
    base = "\n".join(
        [*(f'"{c}": {values[c]}' for c in components), f'"@signature-params": {params}']
    )
    if alg == "ed25519":
        raw = ED_KEY.sign(base.encode())
    else:
        raw = key(name).sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())
    return {
        "Content-Digest": headers["content-digest"],
        "Signature-Input": f"sig1={params}",
        "Signature": f"sig1=:{base64.b64encode(raw).decode()}:",
    }


def deliver(client: Client, body: bytes, headers: dict[str, str], path: str = "/ap/inbox/") -> Any:
    return client.post(path, data=body, content_type="application/activity+json", headers=headers)


def test_an_rsa_signed_delivery_is_accepted(client: Client, peer: Peer) -> None:
    blogger("bilal")
    body = json.dumps(follow(peer, "alice")).encode()
    response = deliver(client, body, signed(peer, "alice", body))
    assert response.status_code == 202, response.content
    assert Follower.objects.get().remote.url == peer.actor_url("alice")


def test_an_ed25519_signed_delivery_is_accepted(client: Client, peer: Peer) -> None:
    blogger("bilal")
    actor = peer.actor("ed")
    actor["publicKey"]["publicKeyPem"] = (
        ED_KEY.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    peer.server.actors["ed"] = actor
    body = json.dumps(follow(peer, "ed")).encode()
    response = deliver(client, body, signed(peer, "ed", body, alg="ed25519"))
    assert response.status_code == 202, response.content
    # An RSA signature under the Ed25519 key's name is refused.
    body2 = json.dumps(follow(peer, "ed", 2)).encode()
    wrong = signed(peer, "alice", body2)
    wrong["Signature-Input"] = wrong["Signature-Input"].replace("/users/alice", "/users/ed")
    assert deliver(client, body2, wrong).status_code == 401


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"components": ("@method", "@target-uri")}, b"content-digest"),
        ({"components": ("@target-uri", "content-digest")}, b"@method"),
        ({"created": int(time.time()) - 7200}, b"too old"),
        ({"created": int(time.time()) + 3600}, b"future"),
        ({"digest_of": b"something else"}, b"Content-Digest does not match"),
        ({"signed_path": "/ap/members/bilal/inbox/"}, b"signature does not match"),
        ({"alg": "hmac-sha256"}, b"unsupported algorithm"),
    ],
)
def test_what_the_border_demands(
    client: Client, peer: Peer, change: dict[str, Any], reason: bytes
) -> None:
    blogger("bilal")
    body = json.dumps(follow(peer, "alice")).encode()
    response = deliver(client, body, signed(peer, "alice", body, **change))
    assert response.status_code == 401
    assert reason in response.content
    assert not Follower.objects.exists()


def test_a_replayed_signature_is_refused(client: Client, peer: Peer) -> None:
    blogger("bilal")
    body = json.dumps(follow(peer, "alice")).encode()
    headers = signed(peer, "alice", body)
    assert deliver(client, body, headers).status_code == 202
    replay = deliver(client, body, headers)
    assert replay.status_code == 401
    assert b"replay" in replay.content


def test_another_accounts_key_cannot_sign_for_the_actor(client: Client, peer: Peer) -> None:
    blogger("bilal")
    body = json.dumps(follow(peer, "alice")).encode()
    assert deliver(client, body, signed(peer, "bob", body)).status_code == 401


@pytest.mark.parametrize(
    ("signature_input", "signature"),
    [
        ("sig1=", "sig1=:AAAA:"),
        ('sig1=("@method"', "sig1=:AAAA:"),
        ('sig1=("@method");keyid="x', "sig1=:AAAA:"),
        ('sig1=("@method");created=1;keyid="http://x.example/k"', "sig1=AAAA"),
        ('sig1=("@method");keyid="http://127.0.0.1/k"', "sig1=:not base64!:"),
        ('sig1=("@query-param";name="a");keyid="k"', "sig1=:AAAA:"),
        ("\x00\x01", "\x00"),
        (
            'sig1=("@method" "@target-uri" "content-digest");created=99999999999999;keyid="k"',
            "sig1=:AAAA:",
        ),
        ("", ""),
    ],
)
def test_odd_headers_are_refused_not_a_crash(
    client: Client, peer: Peer, signature_input: str, signature: str
) -> None:
    body = json.dumps(follow(peer, "alice")).encode()
    headers = {
        "Signature-Input": signature_input,
        "Signature": signature,
        "Content-Digest": "sha-256=:AAAA:",
    }
    response = deliver(client, body, headers)
    assert response.status_code == 401
