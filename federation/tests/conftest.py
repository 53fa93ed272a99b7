import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from members.models import Member
from network.models import Network

from .peer import Peer, running_peer

MIDDLEWARE = "federation.middleware.ActivityPubMiddleware"


@pytest.fixture
def federation_on(settings: Any, network: Network) -> Network:
    """Federation switched on, on a public network at http://testserver (the test client's
    host); the content-negotiation middleware is in anjuman/settings.py."""
    assert MIDDLEWARE in settings.MIDDLEWARE
    settings.FEDERATION_ENABLED = True
    settings.SITE_URL = "http://testserver"
    return network


@pytest.fixture
def peer(settings: Any, federation_on: Network) -> Iterator[Peer]:
    with running_peer(settings, "alice", "bob") as found:
        yield found


def send(
    client: Client, peer: Peer, name: str, path: str, activity: dict[str, Any], **sign: Any
) -> Any:
    """POSTs `activity` to our `path`, signed by the peer's account `name`."""
    body = json.dumps(activity).encode()
    headers = peer.sign(name, "testserver", path, body, **sign)
    headers.pop("Host")
    return client.post(
        path,
        data=body,
        content_type="application/activity+json",
        headers=headers,
    )


def ap_get(client: Client, path: str, accept: str = "application/activity+json") -> Any:
    return client.get(path, headers={"Accept": accept})


def blogger(handle: str = "bilal") -> Member:
    from conftest import make_member

    return make_member("Bilal Ahmed", f"{handle}.blogger@example.org", handle=handle)
