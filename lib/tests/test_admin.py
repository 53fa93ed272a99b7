"""Changes made on the technical admin site show at once and keep derived data right."""

import pytest
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_post
from network.models import SidebarBox

pytestmark = pytest.mark.django_db


def cached_visit(path: str) -> None:
    Client().get(path)
    assert Client().get(path)["X-Cache"] == "hit"


def test_a_sidebar_box_added_in_the_admin_is_rendered_and_shown_at_once(superuser, visitor):
    cached_visit("/")
    response = client_for(superuser).post(
        reverse("admin:network_sidebarbox_add"),
        {"title": "Old Friends", "body": "[Harbour notes](https://example.org/h)", "position": 1},
    )
    assert response.status_code == 302
    assert SidebarBox.objects.get().body_html  # the Markdown was rendered
    page = Client().get("/")
    assert page["X-Cache"] == "miss"
    assert b'<a href="https://example.org/h" rel="nofollow noopener ugc">Harbour notes</a>' in (
        page.content
    )


def test_a_post_edited_in_the_admin_shows_the_new_text_at_once(superuser, member):
    post = make_post(member, title="Typo", body="Teh old words.")
    cached_visit(post.get_absolute_url())
    response = client_for(superuser).post(
        reverse("admin:blogs_post_change", args=[post.pk]),
        {
            "author": member.pk,
            "title": "Typo",
            "slug": post.slug,
            "body": "The **new** words.",
            "status": "published",
            "published_at_0": post.published_at.strftime("%Y-%m-%d"),
            "published_at_1": post.published_at.strftime("%H:%M:%S"),
            "tags": [],
            "related_links-TOTAL_FORMS": 0,
            "related_links-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Client().get(post.get_absolute_url())
    assert page["X-Cache"] == "miss"
    assert b"The <strong>new</strong> words." in page.content
    assert Post.objects.get().excerpt == "The new words."


def test_comments_deleted_in_the_admin_are_uncounted(superuser, member, other_member):
    post = make_post(member)
    first = add_comment(post, other_member, "One")
    add_comment(post, other_member, "Two")
    add_comment(post, other_member, "Three")
    cached_visit(reverse("blogs:list"))
    admin = client_for(superuser)

    admin.post(reverse("admin:comments_comment_delete", args=[first.pk]), {"post": "yes"})
    post.refresh_from_db()
    assert post.comment_count == 2
    response = admin.post(
        reverse("admin:comments_comment_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(Comment.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.comment_count == 0
    listing = Client().get(reverse("blogs:list"))
    assert listing["X-Cache"] == "miss"
    assert b"No Comments" in listing.content


def test_comments_are_not_added_in_the_admin(superuser):
    response = client_for(superuser).get(reverse("admin:comments_comment_add"))
    assert response.status_code == 403
