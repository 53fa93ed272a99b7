"""Domain events (lib/events.py): the services publish them, inside their transaction."""

from collections.abc import Iterator

import pytest
from django.db import transaction

from comments.models import Comment
from comments.services import add_comment, delete_comment
from conftest import make_post
from friends import services as friends
from lib import events
from likes import services as likes

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard() -> Iterator[list[events.Event]]:
    """Every event the services publish during the test, in order."""
    names = [
        "comments.added",
        "comments.deleted",
        "likes.added",
        "likes.removed",
        "friends.requested",
        "friends.accepted",
        "blogs.published",
    ]
    found: list[events.Event] = []
    for name in names:
        events.subscribe(name, found.append)
    yield found
    for name in names:
        events.unsubscribe(name, found.append)


def test_services_tell_what_happened(heard, member, other_member):
    post = make_post(member)
    comment = add_comment(post, other_member, "Congratulations!")
    likes.like(post, other_member)
    likes.like(post, other_member)  # already liked: nothing happened, nothing told
    likes.unlike(post, other_member)
    friends.send_request(by=member, to=other_member)
    friends.accept(by=other_member, sender=member)
    delete_comment(comment, by=other_member)

    told = [(e.name, e.actor, e.target) for e in heard]
    assert told == [
        ("blogs.published", member, post),
        ("comments.added", other_member, comment),
        ("likes.added", other_member, post),
        ("likes.removed", other_member, post),
        ("friends.requested", member, other_member),
        ("friends.accepted", other_member, member),
        ("comments.deleted", other_member, comment),
    ]
    assert heard[1].data == {"on": post, "parent": None}


def test_a_failing_listener_leaves_nothing_half_written(member, other_member):
    """Handlers run in the writer's transaction: if one fails, the comment is not kept either
    (an activity entry or notification can never be missing for a comment that exists)."""
    post = make_post(member)

    def broken(event: events.Event) -> None:
        raise RuntimeError("listener failed")

    events.subscribe("comments.added", broken)
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            add_comment(post, other_member, "Lost with the listener")
    finally:
        events.unsubscribe("comments.added", broken)
    assert not Comment.objects.filter(body="Lost with the listener").exists()
    post.refresh_from_db()
    assert post.comment_count == 0
