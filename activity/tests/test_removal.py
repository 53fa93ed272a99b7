"""A member removed takes their activity with them, what concerns them (friendships, their
wall) and what was on their content (comments on their posts), and the pages showing it are
fresh at the next request."""

import pytest
from django.test import Client

from activity.models import Entry
from activity.tests.helpers import befriend, comment, home, joins
from comments.models import Comment
from conftest import make_member, make_post
from members import services as members_services
from members.services import remove_member

pytestmark = pytest.mark.django_db


def test_removing_a_member_removes_every_line_of_theirs_and_about_them(member, other_member):
    third = joins("Tariq Third", "tariq@example.org")
    mine = make_post(member, "Bilal's Post")
    theirs = make_post(other_member, "Charlotte's Post")
    comment(mine, third, "On Bilal's post.")
    comment(theirs, member, "Bilal on Charlotte's post.")
    comment(theirs, third, "Tariq on Charlotte's post.")
    befriend(member, third)
    Client().get("/")
    assert Client().get("/")["X-Cache"] == "hit"

    remove_member(member)

    assert home(Client()) == [
        "Tariq Third commented on Charlotte's Post.",
        "Charlotte Reyes published the blog post Charlotte's Post.",
        "Tariq Third joined Riverbend Alumni.",
    ]
    assert Entry.objects.count() == 3


def test_a_removed_member_leaves_other_members_pages_fresh(member, other_member):
    befriend(member, other_member)
    page = other_member.get_absolute_url()
    Client().get(page)
    assert Client().get(page)["X-Cache"] == "hit"
    remove_member(member)
    response = Client().get(page)
    assert response["X-Cache"] == "miss"
    assert "are now friends" not in response.content.decode()


def test_entries_without_their_target_never_show(member):
    """Rows a cascade took without an event (a post's comments go with the post) are left
    out when read, even before anything cleans them up."""
    post = make_post(member, "Soon Without Comments")
    said = comment(post, make_member("Tariq Third", "tariq@example.org"))
    Comment.objects.filter(pk=said.pk).delete()  # no event: as a cascade does
    assert home(Client()) == ["Bilal Ahmed published the blog post Soon Without Comments."]


def test_a_member_who_leaves_keeping_their_content_leaves_no_line_of_theirs(member, other_member):
    leave = getattr(members_services, "leave", None)
    if leave is None:
        pytest.skip("members cannot leave keeping their content here")
    third = joins("Tariq Third", "tariq@example.org")
    mine = make_post(member, "Bilal's Post")
    comment(mine, other_member, "Charlotte on Bilal's post.")
    befriend(member, third)
    leave(member, keep_content=True)
    assert home(Client()) == [
        "Charlotte Reyes commented on Bilal's Post.",
        "Tariq Third joined Riverbend Alumni.",
    ]
    assert not Entry.objects.filter(actor=member).exists()
    assert not Entry.objects.filter(subject=member).exists()
