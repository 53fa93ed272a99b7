"""Removing a member (today through the admin site) keeps every other page's counts right."""

import pytest
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, make_post, png_upload
from members.models import Member
from members.services import remove_member, set_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_post(member, other_member):
    """Bilal's post with 2 comments by Charlotte and 1 by Bilal himself."""
    post = make_post(member, title="Class photo found")
    add_comment(post, other_member, "That is me in the back row!")
    add_comment(post, other_member, "And my brother next to me.")
    add_comment(post, member, "Scanned it at the library.")
    return post


def test_deleting_a_member_in_the_admin_recounts_the_comments_on_others_posts(
    superuser, member, other_member, busy_post, visitor
):
    assert "3 Comments" in visitor.get(reverse("blogs:list")).content.decode()
    assert Client().get(reverse("blogs:list"))["X-Cache"] == "hit"
    admin = client_for(superuser)
    url = reverse("admin:members_member_delete", args=[other_member.pk])
    assert b"Are you sure" in admin.get(url).content
    response = admin.post(url, {"post": "yes"})
    assert response.status_code == 302

    assert not Member.objects.filter(pk=other_member.pk).exists()
    busy_post.refresh_from_db()
    assert busy_post.comment_count == 1
    assert list(Comment.objects.values_list("body", flat=True)) == ["Scanned it at the library."]
    # Visitors see the new count at once (the cached listing was invalidated).
    response = visitor.get(reverse("blogs:list"))
    assert response["X-Cache"] == "miss"
    listing = response.content.decode()
    assert "1 Comment" in listing and "3 Comments" not in listing


def test_the_admins_bulk_delete_recounts_too(superuser, member, other_member, busy_post):
    third = make_member("Tariq Third", "tariq@example.org")
    add_comment(busy_post, third, "Great find.")
    admin = client_for(superuser)
    response = admin.post(
        reverse("admin:members_member_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [other_member.pk, third.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    busy_post.refresh_from_db()
    assert busy_post.comment_count == 1


def test_the_members_own_posts_go_with_them(member, other_member, busy_post):
    remove_member(member)
    assert not Post.objects.filter(pk=busy_post.pk).exists()
    assert not Comment.objects.exists()


def test_the_creator_cannot_be_removed_and_nothing_is_lost(creator, busy_post):
    add_comment(busy_post, creator, "Lovely.")
    with pytest.raises(ProtectedError):
        remove_member(creator)
    busy_post.refresh_from_db()
    assert busy_post.comment_count == 4
    assert Comment.objects.filter(author=creator).count() == 1


def test_the_members_photo_files_are_deleted_after_the_commit(
    member, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    set_photo(member, png_upload(300, 200))
    files = [tmp_path / member.photo.name, tmp_path / member.photo_thumb.name]
    assert all(f.exists() for f in files)

    with django_capture_on_commit_callbacks(execute=True):
        remove_member(member)
    assert not any(f.exists() for f in files)
