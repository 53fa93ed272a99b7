"""Per-feature approval: on a network that approves blog posts first, a member's new post
waits, seen by its author and the blogs' moderators only, until approved or rejected."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from blogs.services import publish_due_posts, save_post
from conftest import body_of, client_for, make_member, make_post, page_queries
from lib.cachetags import invalidate
from members.models import ActionLog
from notifications.models import Notification

from .helpers import make_moderator

pytestmark = pytest.mark.django_db

PENDING = reverse("moderation:pending")


@pytest.fixture
def approving(network):
    network.approval_required = ["blogs"]
    network.save()
    invalidate("network")
    return network


def act_url(pk: int, action: str) -> str:
    return reverse("moderation:act", args=["post", pk, action])


def write(client: Client, title: str) -> Post:
    response = client.post(
        reverse("blogs:create"),
        {
            "title": title,
            "body": "Words.",
            "tags_text": "",
            "publish": "1",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    return Post.objects.get(title=title)


def public_pages() -> str:
    return "".join(
        Client().get(reverse(name)).content.decode()
        for name in ("network:home", "blogs:list", "activity:everyone", "blogs:feed_rss")
    )


def test_a_new_post_waits_seen_by_its_author_and_moderators_only(approving, member, other_member):
    moderator = make_moderator()
    author = client_for(member)
    post = write(author, "My first story")
    assert post.is_pending and post.published_at is None
    assert "waits for a moderator" in author.get(post.get_absolute_url()).content.decode()
    assert "My first story" not in public_pages()
    assert Client().get(post.get_absolute_url()).status_code == 404
    assert client_for(other_member).get(post.get_absolute_url()).status_code == 404
    assert client_for(moderator).get(post.get_absolute_url()).status_code == 200
    told = Notification.objects.get(recipient=moderator, kind="moderation-pending")
    assert told.url == PENDING
    queue = client_for(moderator).get(PENDING).content.decode()
    assert "My first story" in queue and act_url(post.pk, "approve") in queue


def test_approving_publishes_it_everywhere(approving, member):
    moderator = make_moderator()
    post = write(client_for(member), "Reunion report")
    public_pages()  # the visitors' cache, before
    response = client_for(moderator).post(act_url(post.pk, "approve"), {"reason": ""})
    assert response.status_code == 302 and response["Location"] == PENDING
    post.refresh_from_db()
    assert post.is_published and post.published_at is not None
    assert public_pages().count("Reunion report") >= 4
    assert ActionLog.objects.get().action == "approve"


def test_rejecting_sends_it_back_with_the_reason(
    approving, member, smtp, django_capture_on_commit_callbacks
):
    moderator = make_moderator()
    post = write(client_for(member), "Buy my course")
    client = client_for(moderator)
    assert client.post(act_url(post.pk, "reject"), {"reason": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(act_url(post.pk, "reject"), {"reason": "No advertising, please."})
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
    told = Notification.objects.get(recipient=member, kind="moderation-rejected")
    assert told.excerpt == "No advertising, please."
    [email] = smtp.wait_for(member.email)
    assert "No advertising, please." in body_of(email) and "Buy my course" in body_of(email)
    assert ActionLog.objects.get().action == "reject"
    assert "Buy my course" not in public_pages()


def test_moderators_and_administrators_posts_do_not_wait(approving, creator):
    moderator = make_moderator()
    assert make_post(moderator, title="Mod post").is_published
    assert make_post(creator, title="Creator post").is_published
    blogs_elsewhere = make_moderator(
        "Forum Mod", "forummod@example.org", moderator_scopes=["forum"]
    )
    assert make_post(blogs_elsewhere, title="Forum mod post").is_pending


def test_without_approval_posts_publish_at_once(network, member):
    assert make_post(member).is_published


def test_a_scheduled_post_waits_when_its_time_comes(approving, member):
    post = save_post(
        Post(),
        by=member,
        title="Later",
        body="x",
        tags=[],
        links=[],
        publish=True,
        publish_at=timezone.now() + dt.timedelta(hours=1),
    )
    assert post.is_scheduled
    assert publish_due_posts(timezone.now() + dt.timedelta(hours=2)) == 0
    post.refresh_from_db()
    assert post.is_pending


def test_moderators_of_other_features_neither_see_nor_approve(approving, member):
    forum_mod = make_moderator("Forum Mod", "forummod@example.org", moderator_scopes=["forum"])
    post = write(client_for(member), "Blog only")
    client = client_for(forum_mod)
    assert "Blog only" not in client.get(PENDING).content.decode()
    assert client.get(post.get_absolute_url()).status_code == 404
    assert client.post(act_url(post.pk, "approve")).status_code == 403
    assert not Notification.objects.filter(recipient=forum_mod).exists()


def test_editing_a_waiting_post_keeps_it_waiting(approving, member):
    post = write(client_for(member), "Draft one")
    edited = save_post(
        post, by=member, title="Draft two", body="y", tags=[], links=[], publish=True
    )
    assert edited.is_pending


def test_the_approval_queue_costs_the_same_queries_at_5_and_50(approving, member):
    moderator = make_moderator()
    client = client_for(moderator)

    def add(n: int) -> None:
        for i in range(n):
            make_post(member, title=f"Waiting {i}")

    add(5)
    at_5 = page_queries(client, PENDING)
    add(45)
    assert page_queries(client, PENDING) == at_5
    assert make_member("x", "x@example.org")
