"""A member who leaves: their followers elsewhere are told the account is gone."""

import pytest
from django.test import Client

from federation.models import Follower, LocalActor
from members.services import leave

from .conftest import blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db


def test_leaving_sends_delete_of_the_actor_and_drops_followers(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    follow = {
        "id": peer.url("/follows/1"),
        "type": "Follow",
        "actor": peer.actor_url("alice"),
        "object": "http://testserver/members/bilal/",
    }
    send(client, peer, "alice", "/ap/inbox/", follow)
    peer.received.clear()
    leave(author, keep_content=True)
    deleted = peer.received[-1]
    assert deleted.activity["type"] == "Delete"
    assert deleted.activity["actor"] == "http://testserver/members/bilal/"
    assert deleted.activity["object"]["id"] == "http://testserver/members/bilal/"
    assert 'keyId="http://testserver/members/bilal/#main-key"' in deleted.headers["signature"]
    assert not Follower.objects.exists()
    assert LocalActor.objects.get(member=author).federated is False
