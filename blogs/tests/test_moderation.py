"""Moderators hide posts and comments (and show them again) and delete others' content."""

import pytest
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, make_post
from members.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(network):
    return make_member("Maryam Moderator", "mod@example.org", role=Member.Role.MODERATOR)


@pytest.fixture
def post(member):
    return make_post(member, title="Heated words")


def test_a_moderator_hides_a_post_after_confirming_and_shows_it_again(post, moderator, visitor):
    client = client_for(moderator)
    page = client.get(post.get_absolute_url()).content.decode()
    assert reverse("blogs:hide", args=[post.pk]) in page
    confirm = client.get(reverse("blogs:hide", args=[post.pk]))
    assert "Hide “<bdi>Heated words</bdi>”?" in confirm.content.decode()
    assert Post.objects.get().hidden_at is None  # asking is not doing
    client.post(reverse("blogs:hide", args=[post.pk]))
    assert visitor.get(post.get_absolute_url()).status_code == 404
    assert b"Heated words" not in Client().get(reverse("blogs:list")).content
    assert b"Heated words" not in Client().get(reverse("blogs:feed_rss")).content
    # The author and moderators still see it, with a note.
    for who in (post.author, moderator):
        html = client_for(who).get(post.get_absolute_url()).content.decode()
        assert "A moderator has hidden this post" in html
    client.post(reverse("blogs:unhide", args=[post.pk]))
    assert Client().get(post.get_absolute_url()).status_code == 200


def test_members_cannot_hide_posts(post, other_member):
    response = client_for(other_member).post(reverse("blogs:hide", args=[post.pk]))
    assert response.status_code == 403
    assert Post.objects.get().hidden_at is None


def test_a_moderator_deletes_anothers_post_but_cannot_edit_it(post, moderator):
    client = client_for(moderator)
    assert client.get(reverse("blogs:edit", args=[post.pk])).status_code == 403
    response = client.post(reverse("blogs:delete", args=[post.pk]))
    assert response.status_code == 302
    assert not Post.objects.exists()


def test_a_moderator_hides_a_comment_and_the_count_follows(post, moderator, other_member):
    comment = add_comment(post, other_member, "Rude remark")
    client = client_for(moderator)
    assert b"Rude remark" in Client().get(post.get_absolute_url()).content
    client.post(reverse("comments:hide", args=[comment.pk]))
    assert Post.objects.get().comment_count == 0
    visitor_html = Client().get(post.get_absolute_url()).content.decode()
    assert "Rude remark" not in visitor_html
    mod_html = client.get(post.get_absolute_url()).content.decode()
    assert "Rude remark" in mod_html and "Hidden" in mod_html
    client.post(reverse("comments:unhide", args=[comment.pk]))
    assert Post.objects.get().comment_count == 1
    assert b"Rude remark" in Client().get(post.get_absolute_url()).content


def test_a_moderator_deletes_a_comment_on_anothers_post(post, moderator, other_member):
    comment = add_comment(post, other_member, "Spam link")
    client_for(moderator).post(reverse("comments:delete", args=[comment.pk]))
    assert not Comment.objects.exists()
    assert Post.objects.get().comment_count == 0


def test_a_service_called_outside_a_page_refuses_what_the_page_refuses(post, other_member):
    from django.core.exceptions import PermissionDenied

    from blogs.services import delete_post, set_hidden

    with pytest.raises(PermissionDenied):
        set_hidden(post, True, by=other_member)
    with pytest.raises(PermissionDenied):
        delete_post(post, by=other_member)
    assert Post.objects.get().hidden_at is None
