"""Following a discussion, and the notifications of new replies (through the task queue)."""

import pytest
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member
from forum import services
from forum.handlers import REPLY
from forum.models import Follow
from forum.tests.helpers import make_category, make_discussion
from friends import services as friends
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion(creator, member):
    return make_discussion(member, make_category(creator))


def told(member, kind=REPLY):
    return list(Notification.objects.filter(recipient=member, kind=kind))


def test_follow_and_unfollow_with_htmx_answer_the_button(discussion, other_member):
    client = client_for(other_member)
    response = client.post(reverse("forum:follow", args=[discussion.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Unfollow" in response.content.decode()
    assert Follow.objects.filter(member=other_member, discussion=discussion).exists()
    # Twice is once.
    client.post(reverse("forum:follow", args=[discussion.pk]))
    assert Follow.objects.filter(member=other_member).count() == 1
    response = client.post(reverse("forum:unfollow", args=[discussion.pk]))
    assert response.status_code == 302
    assert not Follow.objects.filter(member=other_member).exists()


def test_the_starter_and_every_replier_follow_and_are_told_once(discussion, member, other_member):
    third = make_member("Hassan Ali", "hassan@example.org")
    add_comment(discussion, other_member, "I'm in")
    assert Follow.objects.filter(discussion=discussion, member=other_member).exists()
    # The starter hears of it once.
    assert Notification.objects.filter(recipient=member).count() == 1
    add_comment(discussion, third, "Me too")
    # The starter and the first replier hear of the second reply, each once; the replier
    # is not told of their own reply.
    heard = list(Notification.objects.filter(recipient=other_member))
    assert len(heard) == 1
    assert Notification.objects.filter(recipient=member).count() == 2
    assert not Notification.objects.filter(recipient=third).exists()
    assert heard[0].title == discussion.title
    assert heard[0].url.endswith(f"#comment-{discussion.comments.order_by('-id')[0].pk}")


def test_a_follower_who_never_replied_is_told_by_the_forum_kind(discussion, other_member):
    follower = make_member("Nadia", "nadia@example.org")
    services.follow(discussion, by=follower)
    add_comment(discussion, other_member, "News!")
    (notification,) = told(follower)
    assert notification.actor == other_member
    assert notification.title == discussion.title


def test_an_unfollower_is_not_told(discussion, member, other_member):
    services.unfollow(discussion, by=member)
    add_comment(discussion, other_member, "Anyone?")
    assert not told(member)


def test_a_follower_who_may_not_see_the_discussion_is_not_told(
    discussion, creator, member, other_member
):
    follower = make_member("Nadia", "nadia@example.org")
    services.follow(discussion, by=follower)
    services.set_hidden(discussion, True, by=creator)
    add_comment(discussion, member, "Still here")  # the author still sees it
    assert not Notification.objects.filter(recipient=follower).exists()


def test_a_blocked_follower_is_not_told(discussion, member, other_member):
    services.follow(discussion, by=other_member)
    friends.block(by=other_member, other=member)
    add_comment(discussion, member, "Hello")
    assert not told(other_member)


def test_a_reply_queues_one_task(discussion, other_member, monkeypatch):
    from forum import handlers

    queued = []
    monkeypatch.setattr(
        handlers, "enqueue_with_change", lambda job, *args: queued.append((job, args))
    )
    comment = add_comment(discussion, other_member, "Queued")
    assert queued == [(handlers.tell_followers, (comment.pk,))]
