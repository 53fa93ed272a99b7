"""A page of comments holds top-level comments with all their replies; a reply leads to the
page of its comment."""

import re

import pytest
from django.urls import reverse

from comments.fragments import COMMENTS_PER_PAGE
from comments.models import Comment
from comments.services import recount_comments
from conftest import client_for, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_thread(member, other_member):
    """60 top-level comments, each of the first 55 with two replies."""
    post = make_post(member)
    Comment.objects.bulk_create(
        Comment(target=post, author=other_member, body=f"Comment number {i}.",
                body_html=f"<p>Comment number {i}.</p>")
        for i in range(1, COMMENTS_PER_PAGE + 11)
    )  # fmt: skip
    parents = list(Comment.objects.order_by("id")[:55])
    Comment.objects.bulk_create(
        Comment(target=post, parent=p, author=member, body=f"Reply {j} to {p.pk}.",
                body_html=f"<p>Reply {j} to {p.pk}.</p>")
        for p in parents for j in (1, 2)
    )  # fmt: skip
    recount_comments(type(post), [post.pk])
    post.refresh_from_db()
    return post


def numbers(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"Comment number (\d+)\.", html)]


def test_a_page_holds_fifty_comments_with_all_their_replies(visitor, long_thread):
    assert long_thread.comment_count == 170
    html = visitor.get(long_thread.get_absolute_url()).content.decode()
    assert numbers(html) == list(range(1, COMMENTS_PER_PAGE + 1))
    assert html.count('class="comment reply"') == 2 * COMMENTS_PER_PAGE
    assert "Page 1 of 2" in html and "170 Comments" in html
    second = visitor.get(f"{long_thread.get_absolute_url()}?comments=2").content.decode()
    assert numbers(second) == list(range(COMMENTS_PER_PAGE + 1, COMMENTS_PER_PAGE + 11))
    assert second.count('class="comment reply"') == 10


def test_a_reply_leads_to_the_page_of_its_comment(long_thread, member):
    client = client_for(member)
    first = Comment.objects.get(body="Comment number 3.")
    late = Comment.objects.get(body="Comment number 52.")
    response = client.post(reverse("comments:reply", args=[first.pk]), {"body": "On page one."})
    reply = Comment.objects.latest("id")
    assert response.url == f"{long_thread.get_absolute_url()}#comment-{reply.pk}"
    response = client.post(reverse("comments:reply", args=[late.pk]), {"body": "On page two."})
    reply = Comment.objects.latest("id")
    assert response.url == f"{long_thread.get_absolute_url()}?comments=2#comment-{reply.pk}"
    htmx = client.post(
        reverse("comments:reply", args=[first.pk]), {"body": "Shown in place."},
        headers={"hx-request": "true"},
    ).content.decode()  # fmt: skip
    assert "Page 1 of 2" in htmx and "Shown in place." in htmx and "Comment number 3." in htmx
