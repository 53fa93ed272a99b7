"""Signed activities of every odd shape are answered 202 (ignored) or 4xx — never a 500, and
never a comment, like or follower made from them."""

from typing import Any

import pytest
from django.test import Client

from comments.models import Comment
from conftest import make_post
from federation.models import Follower
from likes.models import Like

from .conftest import blogger, send
from .peer import Peer

pytestmark = pytest.mark.django_db


def shapes(peer: Peer, post_url: str) -> list[Any]:
    alice = peer.actor_url("alice")
    odd_values: list[Any] = [None, 1, 2.5, True, [], {}, "", "x" * 600, "\x00", ["a", 1], {"id": 5}]
    found: list[Any] = []
    for kind in ("Follow", "Undo", "Like", "Create", "Delete", "Update", "Announce", "Accept"):
        for value in [*odd_values, post_url, "http://testserver/\x00/", "http://[bad"]:
            found.append({"type": kind, "actor": alice, "id": peer.url("/a"), "object": value})
    for bad_note in (
        {"type": "Note"},
        {"type": "Note", "id": peer.url("/n"), "attributedTo": alice, "inReplyTo": post_url},
        {"type": "Note", "id": peer.url("/n"), "attributedTo": alice, "inReplyTo": post_url,
         "content": ["<p>list</p>"]},
        {"type": "Note", "id": peer.url("/n"), "attributedTo": alice, "inReplyTo": post_url,
         "content": "<script>alert(1)</script>"},
        {"type": "Note", "id": "https://elsewhere.example/n", "attributedTo": alice,
         "inReplyTo": post_url, "content": "<p>forged origin</p>"},
        {"type": "Note", "id": peer.url("/n"), "attributedTo": {"id": alice},
         "inReplyTo": {"id": "http://testserver/ap/comments/999999/"}, "content": "<p>x</p>"},
    ):  # fmt: skip
        found.append({"type": "Create", "actor": alice, "id": peer.url("/c"), "object": bad_note})
    found.append({"type": ["Follow"], "actor": alice, "object": "http://testserver/blog/"})
    found.append({"actor": alice, "object": "x"})
    # NUL in a key or a text: PostgreSQL can neither store nor look up one (refused, 400).
    found.append({"type": "Like", "actor": alice, "id": peer.url("/l"), "object": "x\x00y"})
    found.append({"type": "Follow", "actor": alice, "id": peer.url("/f"), "object\x00": "x"})
    return found


def test_no_odd_activity_breaks_the_inbox(client: Client, peer: Peer) -> None:
    post = make_post(blogger("bilal"))
    post_url = f"http://testserver/blog/{post.pk}/"
    for n, activity in enumerate(shapes(peer, post_url)):
        if isinstance(activity.get("id"), str):
            activity["id"] += f"-{n}"
        response = send(client, peer, "alice", "/ap/inbox/", activity)
        assert response.status_code in (202, 400), (activity, response.status_code)
    # Of the lot, only the Like of the post counts, and the note whose content was a script
    # waits as plain text (or nothing, its text being empty); the forged-origin note, the
    # malformed ones and the follows of a post made nothing.
    assert Like.objects.count() == 1
    assert not Follower.objects.exists()
    comments = list(Comment.objects.all())
    assert len(comments) <= 1
    assert all(c.is_pending and "<script" not in c.body_html for c in comments)
    assert not Comment.objects.filter(body__contains="forged origin").exists()
