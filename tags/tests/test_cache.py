"""Visitors share a cached tag page (tags/views.py): the same page again answers from the cache,
and whatever changes what it lists (an item tagged, published, edited, hidden, shown, deleted)
shows on the very next visit."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blogs.services import delete_post, save_post, set_hidden
from conftest import client_for, make_member, make_post
from members.models import Member

from .helpers import make_video, tag


def listing(client: Client, key: str, **params: str) -> str:
    response = client.get(reverse("tags:tag", args=[key]), params)
    assert response.status_code == 200
    return response.content.decode()


def queries(client: Client, key: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        listing(client, key)
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_a_visitors_tag_page_is_answered_from_the_cache(member: Member, visitor: Client) -> None:
    tag(make_video(member, "Kite festival"), "basant")
    first = listing(visitor, "basant")
    assert "Kite festival" in first
    # The first render learns what the listing depends on, the second is kept: from then on
    # only the tag's name is read.
    reading = queries(visitor, "basant")
    assert queries(visitor, "basant") < reading
    assert listing(visitor, "basant") == first
    urdu = visitor.get(reverse("tags:tag", args=["basant"]), HTTP_ACCEPT_LANGUAGE="ur")
    assert "Kite festival" in urdu.content.decode() and urdu.content.decode() != first


@pytest.mark.django_db
def test_a_visitor_sees_posts_tagged_edited_hidden_and_deleted_at_once(
    member: Member, visitor: Client
) -> None:
    moderator = make_member("Mo Derator", "mo@example.org", role=Member.Role.MODERATOR)
    tag(make_video(member, "Kite film"), "basant")
    for _ in range(3):
        assert "Kites over Lahore" not in listing(visitor, "basant")
    post = make_post(member, "Kites over Lahore", tags=["basant"])
    assert "Kites over Lahore" in listing(visitor, "basant")
    save_post(
        post, by=member, title="Kites over Multan", body=".", tags=["basant"], links=[],
        publish=True,
    )  # fmt: skip
    assert "Kites over Multan" in listing(visitor, "basant")
    set_hidden(post, True, by=moderator)
    assert "Kites over Multan" not in listing(visitor, "basant")
    set_hidden(post, False, by=moderator)
    assert "Kites over Multan" in listing(visitor, "basant")
    delete_post(post, by=member)
    page = listing(visitor, "basant")
    assert "Kites over Multan" not in page and "Kite film" in page


@pytest.mark.django_db
def test_a_members_tag_page_is_their_own(member: Member, visitor: Client) -> None:
    make_post(member, "Draft on kites", tags=["basant"], publish=False)
    make_post(member, "Kites over Lahore", tags=["basant"])
    for _ in range(3):
        assert "Draft on kites" not in listing(visitor, "basant")
    assert "Draft on kites" in listing(client_for(member), "basant")
