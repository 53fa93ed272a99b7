"""Liking and unliking posts and comments: who may, what it changes, twice is once."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_post
from likes import services
from likes.models import Like

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(member):
    return make_post(member, title="Reunion Plans")


@pytest.fixture
def comment(post, other_member):
    return add_comment(post, other_member, "Count me in.")


def like_url(kind, pk, action="like"):
    return reverse(f"likes:{action}", args=[kind, pk])


def test_a_member_likes_a_post_and_is_brought_back(post, other_member):
    client = client_for(other_member)
    response = client.post(like_url("post", post.pk), {"next": post.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert services.count_of(post) == 1
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Unlike" in page and "1 Like" in page


def test_unlike_takes_it_back(post, other_member):
    services.like(post, other_member)
    response = client_for(other_member).post(like_url("post", post.pk, "unlike"))
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()  # no next: the item itself
    assert services.count_of(post) == 0
    assert not Like.objects.exists()


def test_liking_twice_is_liking_once(post, other_member, member):
    client = client_for(other_member)
    for _ in range(3):  # a double (triple) submission
        client.post(like_url("post", post.pk))
    assert services.like(post, other_member) is False
    services.like(post, member)  # the author may like their own post
    assert services.count_of(post) == 2
    assert Like.objects.count() == 2
    # Unliking twice takes away one like.
    assert services.unlike(post, other_member) is True
    assert services.unlike(post, other_member) is False
    assert services.count_of(post) == 1


def test_the_database_refuses_a_second_like(post, other_member):
    services.like(post, other_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Like.objects.create(member=other_member, target=post)


def test_htmx_gets_the_button_alone(post, other_member):
    response = client_for(other_member).post(
        like_url("post", post.pk), {"next": post.get_absolute_url()}, headers={"hx-request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith(f'<span class="like" id="like-post-{post.pk}">')
    assert "<html" not in html
    assert "Unlike" in html and "1 Like" in html
    assert like_url("post", post.pk, "unlike") in html
    assert "csrfmiddlewaretoken" in html


def test_visitors_are_asked_to_sign_in_and_come_back_to_the_post(post, visitor):
    response = visitor.post(like_url("post", post.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:signin"))
    assert response["Location"].endswith("?next=" + post.get_absolute_url())
    assert not Like.objects.exists()
    page = visitor.get(post.get_absolute_url()).content.decode()
    assert f"{reverse('members:signin')}?next=" in page  # the Like link
    assert "csrfmiddlewaretoken" not in page


def test_unconfirmed_members_cannot_like(post, unconfirmed):
    response = client_for(unconfirmed).post(like_url("post", post.pk))
    assert response.status_code == 302 and response["Location"] == "/"
    assert not Like.objects.exists()
    page = client_for(unconfirmed).get(post.get_absolute_url()).content.decode()
    assert like_url("post", post.pk) not in page


def test_a_draft_is_404_for_those_who_do_not_see_it_and_takes_no_likes(member, other_member):
    draft = make_post(member, title="Not yet", publish=False)
    assert client_for(other_member).post(like_url("post", draft.pk)).status_code == 404
    assert client_for(member).post(like_url("post", draft.pk)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.like(draft, member)
    assert (
        client_for(other_member).get(reverse("likes:liked_by", args=["post", draft.pk])).status_code
        == 404
    )


def test_a_hidden_post_takes_likes_only_from_those_who_see_it(post, other_member, member):
    Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now())
    assert client_for(other_member).post(like_url("post", post.pk)).status_code == 404
    assert client_for(member).post(like_url("post", post.pk)).status_code == 302


def test_an_unknown_kind_or_item_is_404(post, other_member):
    client = client_for(other_member)
    assert client.post(like_url("photo", post.pk)).status_code == 404
    assert client.post(like_url("post", post.pk + 100)).status_code == 404


def test_get_is_not_allowed(post, other_member):
    assert client_for(other_member).get(like_url("post", post.pk)).status_code == 405


def test_a_member_likes_a_comment(comment, member, post):
    client = client_for(member)
    response = client.post(like_url("comment", comment.pk))
    assert response["Location"] == f"{post.get_absolute_url()}#comment-{comment.pk}"
    assert services.count_of(comment) == 1
    page = client.get(post.get_absolute_url()).content.decode()
    assert like_url("comment", comment.pk, "unlike") in page


def test_a_hidden_comment_is_404_except_for_moderators_who_may_not_like_it(
    comment, member, moderator
):
    Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now())
    assert client_for(member).post(like_url("comment", comment.pk)).status_code == 404
    assert client_for(moderator).post(like_url("comment", comment.pk)).status_code == 403


def test_next_only_goes_to_local_addresses(post, other_member):
    response = client_for(other_member).post(
        like_url("post", post.pk), {"next": "https://evil.example/"}
    )
    assert response["Location"] == post.get_absolute_url()


@pytest.fixture
def moderator(network):
    from conftest import make_member
    from members.models import Member

    return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)
