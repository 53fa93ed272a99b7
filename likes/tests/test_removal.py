"""A member's removal takes their likes with it, and the counts follow."""

import pytest

from comments.services import add_comment
from conftest import make_member, make_post
from likes import services
from likes.models import Like, LikeCount
from members.services import remove_member

pytestmark = pytest.mark.django_db


def test_removing_a_member_removes_their_likes_and_keeps_counts_right(member, other_member):
    post = make_post(member)
    comment = add_comment(post, member, "Mine")
    leaving = make_member("Leaving", "leaving@example.org")
    for who in (leaving, other_member):
        services.like(post, who)
        services.like(comment, who)
    remove_member(leaving)
    assert not Like.objects.filter(member_id=leaving.pk).exists()
    assert services.count_of(post) == 1
    assert services.count_of(comment) == 1


def test_recount_makes_counts_exact(member, other_member):
    post = make_post(member)
    services.like(post, other_member)
    LikeCount.objects.update(count=7)
    from django.contrib.contenttypes.models import ContentType

    services.recount_likes(ContentType.objects.get_for_model(post))
    assert services.count_of(post) == 1


def test_forget_deletes_the_likes_of_what_is_gone(member, other_member):
    post = make_post(member)
    services.like(post, other_member)
    services.forget(type(post), [post.pk])
    assert not Like.objects.exists() and not LikeCount.objects.exists()
