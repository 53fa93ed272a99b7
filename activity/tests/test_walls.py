"""A comment on a member's wall is told as such — "Ayesha wrote on Bilal's wall" — on the
stream, on the writer's page and on the wall owner's; blocks on either side hide it."""

import pytest
from django.http import Http404
from django.test import Client

from activity.tests.helpers import stream
from comments import registry
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member
from friends import services as friends
from lib import events

pytestmark = pytest.mark.django_db


def wall_of(member):
    """The member's wall as the walls app registers it with comments (skipped without it)."""
    try:
        walls = registry.for_kind("wall")
    except Http404:  # no walls on this network
        pytest.skip("no walls app registered with comments")
    return walls.get(member.pk)


def test_a_wall_comment_reads_as_writing_on_the_wall(member, other_member):
    add_comment(wall_of(member), other_member, "Happy birthday, Bilal!")
    expected = ["Charlotte Reyes wrote on Bilal Ahmed's wall."]
    assert stream(Client()) == expected
    assert stream(Client(), f"/members/{member.handle}/activity/") == expected
    assert stream(Client(), f"/members/{other_member.handle}/activity/") == expected
    assert "Happy birthday, Bilal!</a></blockquote>" in Client().get("/activity/").content.decode()


def test_writing_on_ones_own_wall(member):
    add_comment(wall_of(member), member, "Back from holiday.")
    assert stream(Client()) == ["Bilal Ahmed wrote on their own wall."]


def test_a_comment_on_a_member_is_a_wall_comment_too(member, other_member):
    """Where members themselves take comments (as the issue first planned walls)."""
    said = Comment.objects.create(target=member, author=other_member, body="Hello!")
    events.publish("comments.added", actor=other_member, target=said, on=member, parent=None)
    assert stream(Client()) == ["Charlotte Reyes wrote on Bilal Ahmed's wall."]


def test_the_wall_owners_blocks_hide_the_line(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    said = Comment.objects.create(target=member, author=other_member, body="Hello!")
    events.publish("comments.added", actor=other_member, target=said, on=member, parent=None)
    friends.block(by=third, other=member)
    assert stream(client_for(third)) == []
    assert stream(client_for(member)) == ["Charlotte Reyes wrote on Bilal Ahmed's wall."]
