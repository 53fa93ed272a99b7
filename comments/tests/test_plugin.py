"""Comments as a plug-in: one endpoint for every registered kind, htmx answered with the
section alone, and a per-member limit."""

import pytest
from django.urls import reverse

from comments import registry
from comments.models import Comment
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(member):
    return make_post(member)


def url(post):
    return reverse("comments:create", args=["post", post.pk])


def test_blog_posts_are_registered_as_commentable(post):
    from blogs.models import Post

    commentable = registry.for_model(Post)
    assert commentable.kind == "post"
    assert commentable.page_tag(post) == f"post-comments:{post.pk}"


def test_an_unknown_kind_is_404(post, other_member):
    response = client_for(other_member).post(
        reverse("comments:create", args=["photo", post.pk]), {"body": "hi"}
    )
    assert response.status_code == 404


def test_htmx_gets_the_comment_section_alone(post, other_member):
    response = client_for(other_member).post(
        url(post), {"body": "Through htmx"}, headers={"hx-request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="comments"')
    assert "<html" not in html and "site-header" not in html
    assert "Through htmx" in html and "1 Comment" in html


def test_an_empty_comment_over_htmx_keeps_the_section_and_says_why(post, other_member):
    response = client_for(other_member).post(
        url(post), {"body": "   "}, headers={"hx-request": "true"}
    )
    assert response.status_code == 400
    assert "Please write a comment first." in response.content.decode()
    assert "<html" not in response.content.decode()


def test_a_refused_comment_without_htmx_keeps_what_was_typed(post, other_member):
    response = client_for(other_member).post(url(post), {"body": "x" * 6000})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Comments can be at most 5000 characters (this one has 6000)." in html
    assert "x" * 6000 in html
    assert post.title in html  # the page says what the comment was for


def test_too_many_comments_are_refused_with_a_clear_message(post, other_member, settings):
    settings.RATELIMIT_COMMENTS = (3, 600)
    client = client_for(other_member)
    for i in range(3):
        assert client.post(url(post), {"body": f"Quick {i}"}).status_code == 302
    response = client.post(url(post), {"body": "One too many"}, headers={"hx-request": "true"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "You are commenting very fast" in html
    assert "One too many" in html  # kept in the text box
    assert Comment.objects.count() == 3
