"""The lists federation draws cost the same number of queries at 5 and at 50 rows."""

from typing import Any

import pytest
from django.utils import timezone

from conftest import client_for, make_post, page_queries
from federation.keys import actor_for
from federation.models import Follower, MemberBlock, RemoteActor, Server
from lib import events
from members.models import Member
from network.models import Network
from tests.datafixtures import assert_same_queries

from .conftest import blogger

pytestmark = pytest.mark.django_db


def _grow(author: Member, start: int, stop: int) -> None:
    actor = actor_for(author)
    network = actor_for(None)
    for n in range(start, stop):
        remote = RemoteActor.objects.create(
            url=f"https://peer{n}.example/users/u{n}", domain=f"peer{n}.example",
            inbox=f"https://peer{n}.example/users/u{n}/inbox", key_id=f"k{n}", public_key="",
            preferred_username=f"u{n}",
        )  # fmt: skip
        Follower.objects.create(actor=actor, remote=remote)
        Follower.objects.create(actor=network, remote=remote)
        MemberBlock.objects.create(member=author, remote=remote)
        Server.objects.create(domain=f"blocked{n}.example", blocked_at=timezone.now())
        Server.objects.create(domain=f"dead{n}.example", dead_at=timezone.now())
        with events.muted():  # no deliveries to these made-up servers (no lookups either)
            make_post(author, f"Post {n}")


def _counts(author: Member, admin: Member, client: Any) -> dict[str, int]:
    own, manager = client_for(author), client_for(admin)
    ap = {"HTTP_ACCEPT": "application/activity+json"}
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {
        "settings": page_queries(own, "/settings/federation/"),
        "manage": page_queries(manager, "/manage/federation/"),
        "member page": page_queries(client, f"/members/{author.handle}/"),
    }
    for name, url in {
        "outbox": f"/ap/members/{author.handle}/outbox/?page=1",
        "network outbox": "/ap/network/outbox/?page=1",
        "followers": f"/ap/members/{author.handle}/followers/",
    }.items():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, **ap).status_code == 200
        counts[name] = len(ctx.captured_queries)
    return counts


def test_lists_cost_the_same_at_5_and_50_rows(
    client: Any, federation_on: Network, admin_member: Member
) -> None:
    author = blogger("bilal")
    _grow(author, 0, 5)
    few = _counts(author, admin_member, client)
    _grow(author, 5, 50)
    many = _counts(author, admin_member, client)
    assert_same_queries(few, many)


def _grow_following(member: Member, start: int, stop: int) -> None:
    from federation.models import Following, RemoteNote

    for n in range(start, stop):
        remote = RemoteActor.objects.create(
            url=f"https://far{n}.example/users/u{n}", domain=f"far{n}.example",
            inbox=f"https://far{n}.example/users/u{n}/inbox", key_id=f"fk{n}", public_key="",
            preferred_username=f"u{n}", name=f"U {n}",
        )  # fmt: skip
        Following.objects.create(
            member=member, handle=f"u{n}@far{n}.example", remote=remote, state="accepted"
        )
        RemoteNote.objects.create(
            author=remote,
            object_id=f"https://far{n}.example/notes/{n}",
            content_html=f"<p>Note {n}</p>",
            published=timezone.now(),
        )


def test_following_page_and_stream_cost_the_same_at_5_and_50_rows(
    federation_on: Network,
) -> None:
    sana = blogger("sana")
    own = client_for(sana)

    def counts() -> dict[str, int]:
        return {
            "following": page_queries(own, "/settings/federation/following/"),
            "stream": page_queries(own, "/following/elsewhere/"),
        }

    _grow_following(sana, 0, 5)
    few = counts()
    _grow_following(sana, 5, 50)
    many = counts()
    assert_same_queries(few, many)
    # 50 notes: the stream shows a page of 20.
    assert own.get("/following/elsewhere/").content.count(b'class="remote-note"') == 20
