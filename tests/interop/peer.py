"""The test as a bovine user's client: ActivityPub's client-to-server API of the peer.

Requests go to hypercorn's loopback port with the Host and scheme of the public address
(https://peer.test) and bovine's gateway header naming the account (bovine_app.py says why);
everything bovine then does — signed deliveries, signed fetches, WebFinger look-ups — goes
out to the world over https through nginx, like any server's.
"""

import base64
import hashlib
import http.client
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

AS = "https://www.w3.org/ns/activitystreams"
PUBLIC = f"{AS}#Public"


class PeerError(AssertionError):
    pass


@dataclass
class Account:
    """A bovine account: its actor document as its owner sees it."""

    document: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.document["id"])

    @property
    def inbox(self) -> str:
        return str(self.document["inbox"])

    @property
    def outbox(self) -> str:
        return str(self.document["outbox"])

    @property
    def followers(self) -> str:
        return str(self.document["followers"])

    @property
    def following(self) -> str:
        return str(self.document["following"])

    @property
    def proxy_url(self) -> str:
        return str(self.document["endpoints"]["proxyUrl"])


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def wait_for[T](what: str, check: Callable[[], T | None], timeout: float = 30.0) -> T:
    """`check()` once it is truthy (polled), else a failure naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:g} s: {what}")
        time.sleep(0.1)


class BovinePeer:
    def __init__(self, port: int, origin: str) -> None:
        self.port = port
        self.origin = origin  # https://peer.test
        self.host = urlsplit(origin).netloc

    def request(
        self,
        method: str,
        url_or_path: str,
        *,
        as_: str | None = None,
        body: bytes | None = None,
        content_type: str = "application/activity+json",
        accept: str = "application/activity+json",
    ) -> Answer:
        parts = urlsplit(url_or_path)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"Host": self.host, "X-Forwarded-Proto": "https", "Accept": accept}
        if as_ is not None:
            headers["X-Cattle-Grid-Requester"] = as_
        if body is not None:
            headers["Content-Type"] = content_type
            headers["Digest"] = (
                "sha-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
            )
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return Answer(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
        finally:
            conn.close()

    # --- accounts -----------------------------------------------------------------------------

    def register(self, handle: str, name: str) -> Account:
        body = json.dumps({"handle": handle, "name": name}).encode()
        answer = self.request(
            "POST", "/_interop/actors", body=body, content_type="application/json"
        )
        if answer.status != 201:
            raise PeerError(f"bovine did not register {handle}: {answer.status} {answer.body!r}")
        return Account(answer.json())

    # --- what a bovine user does ----------------------------------------------------------------

    def send(self, account: Account, activity: dict[str, Any]) -> str:
        """POSTs `activity` to the account's outbox; the id bovine gave it."""
        activity = {"@context": AS, "actor": account.id, **activity}
        answer = self.request(
            "POST", account.outbox, as_=account.id, body=json.dumps(activity).encode()
        )
        if answer.status != 201:
            raise PeerError(f"bovine refused the activity: {answer.status} {answer.body!r}")
        return answer.headers.get("location", "")

    def look_up(self, account: Account, what: str) -> Answer:
        """The account's proxyUrl: `what` is an id or `acct:user@host` (bovine resolves it
        with WebFinger, then fetches the actor, signed)."""
        body = urlencode({"id": what}).encode()
        return self.request(
            "POST",
            account.proxy_url,
            as_=account.id,
            body=body,
            content_type="application/x-www-form-urlencoded",
        )

    def fetch(self, account: Account, url: str) -> dict[str, Any]:
        """The account GETs `url` with bovine's signed client, now (never from its store)."""
        body = json.dumps({"actor": account.id, "url": url}).encode()
        answer = self.request("POST", "/_interop/fetch", body=body, content_type="application/json")
        if answer.status != 200:
            raise PeerError(f"bovine could not fetch {url}: {answer.status} {answer.body!r}")
        result: dict[str, Any] = answer.json()
        return result

    def collection(self, account: Account, url: str) -> list[str]:
        """The ids in one of the account's collections (inbox, followers, following), newest
        first."""
        items: list[str] = []
        page = f"{url}?first=1"
        for _ in range(20):
            answer = self.request("GET", page, as_=account.id)
            if answer.status != 200:
                raise PeerError(f"bovine did not show {url}: {answer.status} {answer.body!r}")
            document = answer.json()
            found = document.get("orderedItems", document.get("items", []))
            if isinstance(found, str | dict):
                found = [found]
            items += [i if isinstance(i, str) else i.get("id", "") for i in found]
            following = document.get("next")
            if not found or not following:
                break
            page = following
        return items

    def inbox(self, account: Account) -> list[dict[str, Any]]:
        """The activities in the account's inbox, newest first, as bovine stored them."""
        activities = []
        for item in self.collection(account, account.inbox):
            answer = self.look_up(account, item)
            if answer.status == 200:
                activities.append(answer.json())
        return activities

    def sent(self, account: Account) -> list[dict[str, Any]]:
        """The activities the account sent (its outbox), newest first, with their ids."""
        activities = []
        for item in self.collection(account, account.outbox):
            answer = self.look_up(account, item)
            if answer.status == 200:
                activities.append(answer.json())
        return activities

    def received(
        self, account: Account, kind: str, about: str, timeout: float = 30.0
    ) -> dict[str, Any]:
        """The first activity of type `kind` in the account's inbox whose object is (or has
        the id) `about`, waiting for it to arrive."""

        def find() -> dict[str, Any] | None:
            for activity in self.inbox(account):
                if activity.get("type") != kind:
                    continue
                obj = activity.get("object")
                obj_id = obj.get("id") if isinstance(obj, dict) else obj
                if obj_id == about:
                    return activity
            return None

        return wait_for(f"a {kind} of {about} in {account.id}'s inbox", find, timeout)
