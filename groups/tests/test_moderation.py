"""A group's administrators moderate it: they delete any comment on its wall and any reply in
its discussions (comments.registry.Commentable.can_delete_all), and see the Delete link on
each. A plain member of the group deletes only their own (403 for others'), and a group's
administrator is nobody special on another group's wall."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member
from forum import services as forum
from groups import services
from members.models import Member

from .helpers import add, make_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network, member, other_member):
    """`member` runs "Old Boys" (private); `other_member` and `plain` are in it; `other_member`
    wrote on its wall and started a discussion, where `plain` replied. `other_member` runs
    "Elsewhere", where `member` is a plain member."""
    plain = make_member("Parveen Plain", "parveen@example.org")
    group = make_group(member, "Old Boys", private=True)
    add(group, other_member, plain)
    wall = add_comment(group, other_member, "A wall comment to moderate")
    discussion = forum.start_discussion(
        by=other_member, group=group, title="A group talk", body="Hello."
    )
    reply = add_comment(discussion, plain, "A reply to moderate")
    elsewhere = make_group(other_member, "Elsewhere")
    add(elsewhere, member)
    there = add_comment(elsewhere, other_member, "Not in your group")
    return {
        "group": group,
        "discussion": discussion,
        "wall": wall,
        "reply": reply,
        "there": there,
        "plain": plain,
        "elsewhere": elsewhere,
    }


def delete_url(comment: Comment) -> str:
    return reverse("comments:delete", args=[comment.pk])


def test_a_group_admin_deletes_a_comment_on_its_wall(world, member):
    admin = client_for(member)
    wall = world["wall"]
    assert delete_url(wall) in admin.get(world["group"].get_absolute_url()).content.decode()
    assert admin.get(delete_url(wall)).status_code == 200  # the confirmation
    response = admin.post(delete_url(wall))
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=wall.pk).exists()
    page = admin.get(world["group"].get_absolute_url()).content.decode()
    assert "A wall comment to moderate" not in page


def test_a_group_admin_deletes_a_reply_in_its_discussion(world, member):
    admin = client_for(member)
    reply = world["reply"]
    page = admin.get(world["discussion"].get_absolute_url()).content.decode()
    assert delete_url(reply) in page
    assert admin.post(delete_url(reply)).status_code == 302
    assert not Comment.objects.filter(pk=reply.pk).exists()
    page = admin.get(world["discussion"].get_absolute_url()).content.decode()
    assert "A reply to moderate" not in page


def test_a_plain_member_deletes_only_their_own(world):
    plain = client_for(world["plain"])
    wall = world["wall"]
    page = plain.get(world["group"].get_absolute_url()).content.decode()
    assert "A wall comment to moderate" in page and delete_url(wall) not in page
    assert plain.get(delete_url(wall)).status_code == 403
    assert plain.post(delete_url(wall)).status_code == 403
    assert Comment.objects.filter(pk=wall.pk).exists()
    # Their own reply: theirs to delete.
    page = plain.get(world["discussion"].get_absolute_url()).content.decode()
    assert delete_url(world["reply"]) in page
    assert plain.post(delete_url(world["reply"])).status_code == 302


def test_a_group_admin_is_nobody_special_elsewhere(world, member):
    admin = client_for(member)
    there = world["there"]
    page = admin.get(world["elsewhere"].get_absolute_url()).content.decode()
    assert "Not in your group" in page and delete_url(there) not in page
    assert admin.post(delete_url(there)).status_code == 403
    assert Comment.objects.filter(pk=there.pk).exists()


def test_an_admin_who_is_no_longer_one_loses_the_right(world, member, other_member):
    group = world["group"]
    services.set_role(group, other_member, admin=True, by=member)
    services.set_role(group, member, admin=False, by=other_member)
    admin = client_for(member)
    assert delete_url(world["reply"]) not in (
        admin.get(world["discussion"].get_absolute_url()).content.decode()
    )
    assert admin.post(delete_url(world["reply"])).status_code == 403
    # and the new one has it
    assert client_for(other_member).post(delete_url(world["reply"])).status_code == 302


def test_visitors_and_suspended_admins_delete_nothing(world, member):
    group = world["group"]
    group.is_private = False
    group.save(update_fields=["is_private"])
    assert Client().post(delete_url(world["wall"])).status_code in (302, 403)
    Member.objects.filter(pk=member.pk).update(is_active=False)
    assert client_for(member).post(delete_url(world["wall"])).status_code in (302, 403, 404)
    assert Comment.objects.filter(pk=world["wall"].pk).exists()
