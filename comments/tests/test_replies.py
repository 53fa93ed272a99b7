"""Replies to comments, one level deep, on anything that takes comments (here: a post)."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment, delete_comment, set_hidden
from conftest import client_for, make_member, make_post
from lib import events
from likes.models import Like
from likes.services import like

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(member):
    return make_post(member)


@pytest.fixture
def comment(post, other_member):
    return add_comment(post, other_member, "What a night it was.")


@pytest.fixture
def moderator(network):
    from members.models import Member

    return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)


def reply_url(comment):
    return reverse("comments:reply", args=[comment.pk])


def count(post) -> int:
    return Post.objects.get(pk=post.pk).comment_count


def shown_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="comment[^"]*" id="comment-(\d+)"', html)]


def test_a_member_replies_without_javascript_and_lands_on_the_reply(post, comment, member):
    client = client_for(member)
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'href="{reply_url(comment)}"' in page  # the Reply link, a plain link too
    form = client.get(reply_url(comment))
    assert form.status_code == 200
    html = form.content.decode()
    assert "What a night it was." in html and "Reply to <bdi>Charlotte Reyes</bdi>" in html
    assert "hx-post" not in html  # a page of its own posts as a plain form

    response = client.post(reply_url(comment), {"body": "It really was."})
    reply = Comment.objects.get(parent=comment)
    assert response.url == f"{post.get_absolute_url()}#comment-{reply.pk}"
    assert reply.author == member and reply.target == post
    assert count(post) == 2  # replies count
    page = client.get(post.get_absolute_url()).content.decode()
    assert "It really was." in page
    assert shown_ids(page) == [comment.pk, reply.pk]
    assert 'class="replies">' in page and f'class="comment reply" id="comment-{reply.pk}"' in page


def test_a_reply_to_a_reply_goes_under_the_same_comment(post, comment, member, other_member):
    first = add_comment(post, member, "First answer.", parent=comment)
    response = client_for(other_member).post(reply_url(first), {"body": "Second answer."})
    second = Comment.objects.get(body="Second answer.")
    assert second.parent == comment
    assert response.url.endswith(f"#comment-{second.pk}")
    page = client_for(member).get(post.get_absolute_url()).content.decode()
    assert shown_ids(page) == [comment.pk, first.pk, second.pk]
    # Replies take no Reply link of their own: one level.
    assert f'href="{reply_url(first)}"' not in page
    assert f'href="{reply_url(comment)}"' in page


def test_replies_are_shown_under_their_comment_in_date_order(post, member, other_member):
    one = add_comment(post, other_member, "One")
    two = add_comment(post, other_member, "Two")
    late = add_comment(post, member, "Late reply to one", parent=one)
    early = add_comment(post, member, "Early reply to one", parent=one)
    Comment.objects.filter(pk=early.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    reply_two = add_comment(post, member, "Reply to two", parent=two)
    page = client_for(other_member).get(post.get_absolute_url()).content.decode()
    assert shown_ids(page) == [one.pk, early.pk, late.pk, two.pk, reply_two.pk]


def test_htmx_gets_the_form_alone_then_the_section_alone(post, comment, member):
    client = client_for(member)
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'hx-get="{reply_url(comment)}" hx-target="#reply-slot-{comment.pk}"' in page
    assert f'<div class="reply-slot" id="reply-slot-{comment.pk}"></div>' in page

    form = client.get(reply_url(comment), headers={"hx-request": "true"}).content.decode()
    assert form.lstrip().startswith('<form class="reply-form"')
    assert f'hx-post="{reply_url(comment)}" hx-target="#comments"' in form
    assert "csrfmiddlewaretoken" in form and "<html" not in form

    response = client.post(
        reply_url(comment), {"body": "Through htmx"}, headers={"hx-request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="comments"') and "<html" not in html
    assert "Through htmx" in html and "2 Comments" in html


def test_an_empty_reply_keeps_the_form_open_under_its_comment(post, comment, member):
    client = client_for(member)
    response = client.post(reply_url(comment), {"body": "  "}, headers={"hx-request": "true"})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.lstrip().startswith('<section id="comments"')
    slot = html.index(f'id="reply-slot-{comment.pk}">')
    assert html.index('class="reply-form"') > slot
    assert "Please write a comment first." in html
    assert not Comment.objects.filter(parent=comment).exists()

    text = "x" * 5001
    plain = client.post(reply_url(comment), {"body": text})
    assert plain.status_code == 400
    assert "Comments can be at most 5000 characters" in plain.content.decode()
    assert text in plain.content.decode()  # kept, on the reply page
    assert count(post) == 1


def test_too_many_replies_are_refused_with_the_text_kept(post, comment, member, settings):
    settings.RATELIMIT_COMMENTS = (2, 600)
    client = client_for(member)
    for i in range(2):
        assert client.post(reply_url(comment), {"body": f"Quick {i}"}).status_code == 302
    response = client.post(
        reply_url(comment), {"body": "One too many"}, headers={"hx-request": "true"}
    )
    assert response.status_code == 429
    assert "You are commenting very fast" in response.content.decode()
    assert "One too many" in response.content.decode()
    assert Comment.objects.filter(parent=comment).count() == 2


def test_visitors_read_replies_and_get_no_reply_links(visitor, post, comment, member):
    add_comment(post, member, "A reply for all to read.", parent=comment)
    page = visitor.get(post.get_absolute_url()).content.decode()
    assert "A reply for all to read." in page
    assert "/reply/" not in page and "reply-slot" not in page
    assert "to add comments!" in page  # the join gate
    response = visitor.post(reply_url(comment), {"body": "drive-by"})
    assert response.url.startswith(reverse("members:signin"))
    assert Comment.objects.count() == 2


def test_unconfirmed_members_are_asked_to_confirm(unconfirmed, post, comment):
    client = client_for(unconfirmed)
    assert "/reply/" not in client.get(post.get_absolute_url()).content.decode()
    response = client.post(reply_url(comment), {"body": "too early"})
    assert response.url == "/"
    assert not Comment.objects.filter(parent=comment).exists()


def test_hidden_comments_take_no_replies(post, comment, member, moderator):
    set_hidden(comment, True, by=moderator)
    assert client_for(member).get(reply_url(comment)).status_code == 404
    assert client_for(member).post(reply_url(comment), {"body": "Hi"}).status_code == 404
    assert client_for(moderator).post(reply_url(comment), {"body": "Hi"}).status_code == 403
    page = client_for(moderator).get(post.get_absolute_url()).content.decode()
    assert "What a night it was." in page and f'href="{reply_url(comment)}"' not in page


def test_a_draft_takes_no_replies(member, other_member, admin_member):
    post = make_post(member)
    comment = add_comment(post, other_member, "Before it went back.")
    Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)
    assert client_for(other_member).post(reply_url(comment), {"body": "Hi"}).status_code == 404
    assert client_for(member).post(reply_url(comment), {"body": "Hi"}).status_code == 403
    assert client_for(admin_member).get(reply_url(comment)).status_code == 403


def test_a_reply_is_announced_with_its_parent(post, comment, member):
    heard = []

    def handler(event):
        heard.append(event)

    events.subscribe("comments.added", handler)
    try:
        first = add_comment(post, member, "Announced.", parent=comment)
        add_comment(post, member, "Deeper.", parent=first)
        add_comment(post, member, "Top level.")
    finally:
        events.unsubscribe("comments.added", handler)
    assert [e.data["parent"] for e in heard] == [comment, comment, None]
    assert heard[0].target == first and heard[0].data["on"] == post


def test_hiding_a_comment_keeps_its_replies_under_a_stub(post, comment, member, moderator, visitor):
    reply = add_comment(post, member, "Still worth reading.", parent=comment)
    lonely = add_comment(post, member, "Nobody answered me.")
    assert count(post) == 3
    set_hidden(comment, True, by=moderator)
    set_hidden(lonely, True, by=moderator)
    assert count(post) == 1
    page = visitor.get(post.get_absolute_url()).content.decode()
    assert "This comment was removed." in page
    assert "What a night it was." not in page and "Nobody answered me." not in page
    assert "Still worth reading." in page
    assert shown_ids(page) == [comment.pk, reply.pk]  # the stub, then its reply
    moderated = client_for(moderator).get(post.get_absolute_url()).content.decode()
    assert "What a night it was." in moderated and "This comment was removed." not in moderated
    set_hidden(comment, False, by=moderator)
    assert count(post) == 2
    assert "This comment was removed." not in visitor.get(post.get_absolute_url()).content.decode()


def test_deleting_a_comment_deletes_its_replies_and_their_likes(
    post, comment, member, admin_member
):
    third = make_member("Tariq Third", "tariq@example.org")
    reply = add_comment(post, member, "Answer", parent=comment)
    hidden_reply = add_comment(post, third, "Rude answer", parent=comment)
    Comment.objects.filter(pk=hidden_reply.pk).update(hidden_at=timezone.now())
    Post.objects.filter(pk=post.pk).update(comment_count=2)  # as set_hidden leaves it
    other = add_comment(post, third, "Another comment")
    like(reply, third)
    client = client_for(comment.author)
    confirm = client.get(reverse("comments:delete", args=[comment.pk])).content.decode()
    assert "Its 2 replies will be deleted too." in confirm
    client.post(reverse("comments:delete", args=[comment.pk]))
    assert list(Comment.objects.all()) == [other]
    assert count(post) == 1
    assert not Like.objects.exists()


def test_deleting_a_reply_leaves_its_comment(post, comment, member):
    reply = add_comment(post, member, "Answer", parent=comment)
    delete_comment(reply, by=member)
    assert list(Comment.objects.all()) == [comment]
    assert count(post) == 1


def test_replies_can_be_liked_like_any_comment(post, comment, member, other_member):
    reply = add_comment(post, member, "Likeable", parent=comment)
    response = client_for(other_member).post(reverse("likes:like", args=["comment", reply.pk]))
    assert response.status_code == 302
    page = client_for(other_member).get(post.get_absolute_url()).content.decode()
    assert f'id="like-comment-{reply.pk}"' in page
    assert "1 Like" in page


def test_a_reply_refreshes_the_visitors_cached_page(post, comment, member, visitor):
    url = post.get_absolute_url()
    visitor.get(url)
    assert visitor.get(url)["X-Cache"] == "hit"
    client_for(member).post(reply_url(comment), {"body": "Fresh"})
    response = visitor.get(url)
    assert response["X-Cache"] == "miss" and "Fresh" in response.content.decode()
