"""federation/'s part of the access matrix (tests/test_access_matrix.py).

The matrix's world runs with federation off (FEDERATION_ENABLED is not set): every
ActivityPub route answers 404 to its method and 405 to the other, whoever asks — nothing of
the network is served to, or taken from, other servers until it is switched on (its own
tests cover it on). The people's pages work either way: every member chooses for their own
blog and blocks accounts; only administrators block servers.
"""

from typing import Any

from django.utils import timezone

from federation.models import Following, MemberBlock, RemoteActor, Server
from members.models import Member
from tests.test_access_matrix import ADMINS_ACT, LOGIN, REDIRECT, row

OFF_GET = row((404, 405))
OFF_POST = row((405, 404))

MATRIX = {
    "federation:webfinger": OFF_GET,
    "federation:host_meta": OFF_GET,
    "federation:nodeinfo_index": OFF_GET,
    "federation:nodeinfo": OFF_GET,
    "federation:shared_inbox": OFF_POST,
    "federation:comment": OFF_GET,
    "federation:network_inbox": OFF_POST,
    "federation:network_outbox": OFF_GET,
    "federation:network_followers": OFF_GET,
    "federation:network_following": OFF_GET,
    "federation:member_inbox": OFF_POST,
    "federation:member_outbox": OFF_GET,
    "federation:member_followers": OFF_GET,
    "federation:member_following": OFF_GET,
    "federation:remote_follow": row((404, 405)),
    "federation:settings": row((LOGIN, LOGIN), signed_in=(200, REDIRECT)),
    "federation:block": row((405, LOGIN), signed_in=(405, REDIRECT)),
    "federation:unblock": row((405, LOGIN), signed_in=(405, 404), author=(405, REDIRECT)),
    "federation:instance_actor": OFF_GET,
    # Federation is off in the matrix's world: asking to follow is a form error (400).
    "federation:following": row((LOGIN, LOGIN), signed_in=(200, 400)),
    "federation:unfollow": row((405, LOGIN), signed_in=(405, 404), author=(405, REDIRECT)),
    "federation:stream": row((LOGIN, 405), signed_in=(200, 405)),
    "federation:manage": row((LOGIN, 405), signed_in=(403, 405), admins=(200, 405)),
    "federation:choices": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
    "federation:block_server": ADMINS_ACT,
    "federation:unblock_server": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
}


def _remote_actor(w: Any) -> RemoteActor:
    member = Member.objects.create(
        display_name="Alice Elsewhere",
        handle="alice-peer-example",
        origin=Member.Origin.REMOTE,
        email=None,
        source="peer.example",
        source_id="https://peer.example/users/alice",
    )
    return RemoteActor.objects.create(
        url="https://peer.example/users/alice",
        domain="peer.example",
        inbox="https://peer.example/users/alice/inbox",
        shared_inbox="https://peer.example/inbox",
        key_id="https://peer.example/users/alice#main-key",
        public_key="",
        preferred_username="alice",
        member=member,
    )


def _author_block(w: Any) -> MemberBlock:
    return MemberBlock.objects.create(member=w.author, remote=w.remote_actor)


def _blocked_server(w: Any) -> Server:
    return Server.objects.create(domain="spam.example", blocked_at=timezone.now())


def _author_following(w: Any) -> Following:
    return Following.objects.create(
        member=w.author, handle="alice@peer.example", remote=w.remote_actor, state="accepted"
    )


OBJECTS = {
    "author_following": _author_following,
    "remote_actor": _remote_actor,
    "author_block": _author_block,
    "blocked_server": _blocked_server,
}

KWARGS = {
    "federation:comment": lambda w: {"pk": w.comment.pk},
    "federation:member_inbox": lambda w: {"handle": w.author.handle},
    "federation:member_outbox": lambda w: {"handle": w.author.handle},
    "federation:member_followers": lambda w: {"handle": w.author.handle},
    "federation:member_following": lambda w: {"handle": w.author.handle},
    "federation:block": lambda w: {"pk": w.remote_actor.pk},
    "federation:remote_follow": lambda w: {"handle": w.author.handle},
    "federation:unblock": lambda w: {"pk": w.author_block.pk},
    "federation:unblock_server": lambda w: {"pk": w.blocked_server.pk},
    "federation:unfollow": lambda w: {"pk": w.author_following.pk},
}

POST_DATA = {
    "federation:settings": lambda w: {"federated": "on"},
    "federation:block_server": lambda w: {"domain": "spam.example", "reason": "Spam"},
    "federation:shared_inbox": lambda w: {},
    "federation:following": lambda w: {"handle": "@alice@peer.example"},
    "federation:choices": lambda w: {"remote_replies": "queue"},
}
