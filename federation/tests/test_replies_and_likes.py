"""The administrators' choice for replies from elsewhere (the moderation queue, or "Replies
from elsewhere" under the post while the comment rule allows it), and likes from elsewhere
told to the post's author."""

from typing import Any

import pytest
from django.test import Client

from comments.models import Comment
from conftest import make_post
from federation.models import NetworkChoices, RemoteNote
from federation.tags import CHOICES_TAG
from lib.cachetags import invalidate
from network.models import Network
from notifications.models import Notification

from .conftest import blogger, send
from .peer import Peer
from .test_inbox import activity, note

pytestmark = pytest.mark.django_db


def section_of(post: Any) -> str:
    """The "Replies from elsewhere" section of the post's page, as a visitor sees it."""
    page = Client().get(post.get_absolute_url()).text
    start = page.find('<details class="remote-replies"')
    return "" if start < 0 else page[start : page.index("</details>", start)]


def test_replies_wait_in_the_queue_by_default(client: Client, peer: Peer) -> None:
    post = make_post(blogger("bilal"))
    reply = activity(peer, "Create", note(peer, f"http://testserver/blog/{post.pk}/"))
    send(client, peer, "alice", "/ap/inbox/", reply)
    assert Comment.objects.get().is_pending
    assert not RemoteNote.objects.exists()
    assert section_of(post) == ""


def test_replies_under_the_post_when_chosen_and_the_rule_allows(
    client: Client, peer: Peer, federation_on: Network
) -> None:
    NetworkChoices.objects.create(pk=1, remote_replies="section")
    post = make_post(blogger("bilal"))
    reply = activity(
        peer, "Create", note(peer, f"http://testserver/blog/{post.pk}/", "Nice <b>one</b>")
    )
    assert send(client, peer, "alice", "/ap/inbox/", reply).status_code == 202
    assert not Comment.objects.exists()
    kept = RemoteNote.objects.get()
    assert kept.reply_to == post
    shown = section_of(post)
    assert "<details" in shown and "Replies from elsewhere (1)" in shown
    assert "Nice <b>one</b>" in shown and "Alice Elsewhere" in shown
    # Comments now wait for approval on this network: the section hides, new replies queue.
    federation_on.approval_required = ["comments"]
    federation_on.save()
    invalidate("network")  # as the moderation settings page does
    assert section_of(post) == ""
    second = activity(peer, "Create", note(peer, f"http://testserver/blog/{post.pk}/", n=2), n=2)
    send(client, peer, "alice", "/ap/inbox/", second)
    assert Comment.objects.get().is_pending
    # The rule allows again, but the administrators went back to the queue: hidden too.
    federation_on.approval_required = []
    federation_on.save()
    invalidate("network")
    assert "Replies from elsewhere" in section_of(post)
    NetworkChoices.objects.filter(pk=1).update(remote_replies="queue")
    invalidate(CHOICES_TAG)  # as the administrators' page does (federation.services)
    assert section_of(post) == ""


def test_a_like_from_elsewhere_tells_the_author(client: Client, peer: Peer) -> None:
    author = blogger("bilal")
    post = make_post(author)
    like = activity(peer, "Like", f"http://testserver/blog/{post.pk}/")
    assert send(client, peer, "alice", "/ap/inbox/", like).status_code == 202
    told = Notification.objects.get(recipient=author)
    assert told.actor is not None and told.actor.display_name == "Alice Elsewhere"
    assert told.kind == "like"
    from conftest import client_for

    page = client_for(author).get("/notifications/")
    assert page.status_code == 200
    assert b"Alice Elsewhere" in page.content


def test_the_members_settings_page_says_where_replies_go(federation_on: Network) -> None:
    from conftest import client_for

    own = client_for(blogger("bilal"))
    assert b"wait for a moderator" in own.get("/settings/federation/").content
    NetworkChoices.objects.create(pk=1, remote_replies="section")
    invalidate(CHOICES_TAG)  # as the administrators' page does (federation.services)
    page = own.get("/settings/federation/").content
    assert b"Replies from elsewhere" in page and b"wait for a moderator" not in page
