"""Comments come in pages of COMMENTS_PER_PAGE, oldest first: a long thread stays a light page."""

import re

import pytest
from django.urls import reverse

from comments.fragments import COMMENTS_PER_PAGE
from comments.models import Comment
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_thread(member, other_member):
    post = make_post(member)
    Comment.objects.bulk_create(
        Comment(target=post, author=other_member, body=f"Comment number {i}.",
                body_html=f"<p>Comment number {i}.</p>")
        for i in range(1, 2 * COMMENTS_PER_PAGE + 21)
    )  # fmt: skip
    from comments.services import recount_comments

    recount_comments(type(post), [post.pk])
    post.refresh_from_db()
    return post


def numbers(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"Comment number (\d+)\.", html)]


def test_the_first_page_shows_the_oldest_comments_and_links_to_the_next(visitor, long_thread):
    html = visitor.get(long_thread.get_absolute_url()).content.decode()
    assert numbers(html) == list(range(1, COMMENTS_PER_PAGE + 1))
    assert "Page 1 of 3" in html
    assert f'href="{long_thread.get_absolute_url()}?comments=2#comments" rel="next"' in html
    assert "120 Comments" in html


def test_the_last_page_and_a_page_past_the_end(visitor, long_thread):
    url = long_thread.get_absolute_url()
    last = visitor.get(f"{url}?comments=3").content.decode()
    assert numbers(last) == list(range(2 * COMMENTS_PER_PAGE + 1, 2 * COMMENTS_PER_PAGE + 21))
    assert 'rel="next"' not in last and 'rel="prev"' in last
    assert numbers(visitor.get(f"{url}?comments=99").content.decode()) == numbers(last)
    assert visitor.get(f"{url}?comments=abc").status_code == 200


def test_a_new_comment_leads_to_the_last_page(long_thread, member):
    client = client_for(member)
    target = reverse("comments:create", args=["post", long_thread.pk])
    response = client.post(target, {"body": "The newest one."})
    comment = Comment.objects.latest("id")
    assert response.url == f"{long_thread.get_absolute_url()}?comments=3#comment-{comment.pk}"
    htmx = client.post(target, {"body": "And another."}, HTTP_HX_REQUEST="true")
    assert "And another." in htmx.content.decode()
    assert "Page 3 of 3" in htmx.content.decode()
