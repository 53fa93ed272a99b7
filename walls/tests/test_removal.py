"""A removed member takes their replies and wall comments with them, and their wall; every
count stays exact."""

import pytest
from django.test import Client

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import make_member, make_post
from likes.models import Like, LikeCount
from likes.services import like
from members.services import remove_member
from walls.models import Wall
from walls.services import find_wall

pytestmark = pytest.mark.django_db


def test_removing_a_member_removes_their_replies_and_wall_comments(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    post = make_post(third)
    # On a post: their reply under another's comment, others' replies under theirs.
    kept = add_comment(post, other_member, "Kept")
    add_comment(post, member, "Their reply", parent=kept)
    theirs = add_comment(post, member, "Their comment")
    answer = add_comment(post, third, "An answer to it", parent=theirs)
    like(answer, other_member)
    # On walls: theirs on another's wall, and others' on theirs.
    third_wall, their_wall = find_wall(third.pk), find_wall(member.pk)
    on_third = add_comment(third_wall, other_member, "Staying")
    add_comment(third_wall, member, "Going", parent=on_third)
    add_comment(third_wall, member, "Going too")
    on_theirs = add_comment(their_wall, other_member, "On their wall")
    like(on_theirs, third)
    assert (
        Post.objects.get().comment_count == 4 and Wall.objects.get(pk=third.pk).comment_count == 3
    )
    Client().get(third.get_absolute_url())  # cached for visitors

    remove_member(member)

    assert set(Comment.objects.values_list("body", flat=True)) == {"Kept", "Staying"}
    assert Post.objects.get().comment_count == 1
    assert Wall.objects.get(pk=third.pk).comment_count == 1
    assert not Wall.objects.filter(pk=member.pk).exists()
    assert not Like.objects.exists() and not LikeCount.objects.filter(count__gt=0).exists()
    page = Client().get(third.get_absolute_url())
    assert page["X-Cache"] == "miss"
    assert "Going" not in page.content.decode() and "Staying" in page.content.decode()


def test_a_member_who_leaves_keeping_their_content_takes_their_wall(member, other_member):
    from members import services

    leave = getattr(services, "leave", None)
    if leave is None:
        pytest.skip("members cannot leave keeping their content yet")
    add_comment(find_wall(member.pk), other_member, "On their wall")
    add_comment(find_wall(other_member.pk), member, "Their own, on another wall")

    leave(member, keep_content=True)

    assert list(Comment.objects.values_list("body", flat=True)) == ["Their own, on another wall"]
    assert Wall.objects.get(pk=member.pk).comment_count == 0
    assert Wall.objects.get(pk=other_member.pk).comment_count == 1
