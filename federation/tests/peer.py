"""A small ActivityPub peer on 127.0.0.1 for the tests: real HTTP, its own RSA key.

It serves its actors' documents (GET /users/<name>), records what is POSTed to their inboxes
and its shared inbox (answering `inbox_status`), and signs activities it sends to us the way
Mastodon does (federation.signatures is checked against this peer's own signing code, written
here separately on `cryptography`)."""

import base64
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

# One key per test session (2048-bit keys take a moment to make).
_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def key(name: str) -> rsa.RSAPrivateKey:
    if name not in _KEYS:
        _KEYS[name] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[name]


def public_pem(private: rsa.RSAPrivateKey) -> str:
    return (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def activity(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.body)
        return result


@dataclass
class Peer:
    server: "PeerServer"
    received: list[Received] = field(default_factory=list)
    fetched: list[Received] = field(default_factory=list)  # the GETs it answered

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def actor_url(self, name: str) -> str:
        return self.url(f"/users/{name}")

    def key_id(self, name: str) -> str:
        return self.actor_url(name) + "#main-key"

    def actor(self, name: str, *, key_name: str | None = None) -> dict[str, Any]:
        url = self.actor_url(name)
        return {
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": url,
            "type": "Person",
            "preferredUsername": name,
            "name": name.title() + " Elsewhere",
            "inbox": url + "/inbox",
            "endpoints": {"sharedInbox": self.url("/inbox")},
            "url": self.url(f"/@{name}"),
            "publicKey": {
                "id": self.key_id(name),
                "owner": url,
                "publicKeyPem": public_pem(key(key_name or name)),
            },
        }

    def sign(
        self,
        name: str,
        host: str,
        path: str,
        body: bytes,
        *,
        key_name: str | None = None,
        date: str | None = None,
        digest_body: bytes | None = None,
        key_id: str | None = None,
    ) -> dict[str, str]:
        """Headers signing a POST of `body` to `host` + `path`, as Mastodon writes them."""
        digest = (
            "SHA-256="
            + base64.b64encode(
                hashlib.sha256(body if digest_body is None else digest_body).digest()
            ).decode()
        )
        date = date or formatdate(usegmt=True)
        text = (
            f"(request-target): post {path}\nhost: {host}\ndate: {date}\ndigest: {digest}\n"
            "content-type: application/activity+json"
        )
        signature = base64.b64encode(
            key(key_name or name).sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())
        ).decode()
        return {
            "Host": host,
            "Date": date,
            "Digest": digest,
            "Content-Type": "application/activity+json",
            "Signature": (
                f'keyId="{key_id or self.key_id(name)}",algorithm="rsa-sha256",'
                f'headers="(request-target) host date digest content-type",'
                f'signature="{signature}"'
            ),
        }

    def private_pem(self, name: str) -> str:
        return (
            key(name)
            .private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            .decode()
        )

    def sign_get(
        self, name: str, host: str, path: str, *, date: str | None = None
    ) -> dict[str, str]:
        """Headers signing a GET of our `path`, as Mastodon signs its fetches."""
        date = date or formatdate(usegmt=True)
        text = f"(request-target): get {path}\nhost: {host}\ndate: {date}"
        signature = base64.b64encode(
            key(name).sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())
        ).decode()
        return {
            "Date": date,
            "Signature": (
                f'keyId="{self.key_id(name)}",algorithm="rsa-sha256",'
                f'headers="(request-target) host date",signature="{signature}"'
            ),
        }


class PeerServer(ThreadingHTTPServer):
    daemon_threads = True
    peer: Peer
    actors: dict[str, dict[str, Any]]
    inbox_status: int
    require_signature: bool


class _Handler(BaseHTTPRequestHandler):
    server: PeerServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(
        self, status: int, body: bytes = b"", kind: str = "application/activity+json"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.peer.fetched.append(Received(self.path, headers, b""))
        if self.server.require_signature and "signature" not in headers:
            self._answer(401, b"sign it")
            return
        if self.path.startswith("/.well-known/webfinger?"):
            query = parse_qs(self.path.partition("?")[2])
            resource = (query.get("resource") or [""])[0]
            user, _at, host = resource.removeprefix("acct:").partition("@")
            if user not in self.server.actors or host != self.server.peer.host:
                self._answer(404, b"{}", "application/jrd+json")
                return
            document = {
                "subject": resource,
                "links": [
                    {
                        "rel": "self",
                        "type": "application/activity+json",
                        "href": self.server.peer.actor_url(user),
                    }
                ],
            }
            self._answer(200, json.dumps(document).encode(), "application/jrd+json")
            return
        name = self.path.removeprefix("/users/")
        actor = self.server.actors.get(name)
        if actor is None:
            self._answer(404, b"{}")
            return
        self._answer(200, json.dumps(actor).encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.peer.received.append(Received(self.path, headers, body))
        self._answer(self.server.inbox_status)


@contextmanager
def running_peer(settings: Any, *names: str) -> Iterator[Peer]:
    server = PeerServer(("127.0.0.1", 0), _Handler)
    peer = Peer(server)
    server.peer = peer
    server.inbox_status = 202
    server.require_signature = False
    server.actors = {}
    for name in names or ("alice",):
        server.actors[name] = peer.actor(name)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FETCH_ALLOWED_HOSTS = {peer.host}
    try:
        yield peer
    finally:
        server.shutdown()
        server.server_close()
