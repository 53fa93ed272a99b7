"""Who is told of what: comments, replies, walls, mentions, likes (grouped), friends,
messages — and who is not: the one who did it, members blocked either way, those who may not
see it, those who chose "not at all"."""

import inspect

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from blogs.models import Post
from blogs.services import save_post
from comments.models import Comment
from comments.services import add_comment, delete_comment
from conftest import make_member, make_post
from friends import services as friends
from lib import events
from likes.services import like
from members.models import Member
from notifications import services
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.text import sentence

pytestmark = pytest.mark.django_db


def told(member: Member) -> list[tuple[str, str]]:
    """(kind, sentence) of the member's notifications, newest first."""
    return [
        (n.kind, sentence(n, html=False))
        for n in Notification.objects.filter(recipient=member)
        .select_related("actor")
        .order_by("-created_at", "-id")
    ]


def test_a_comment_tells_the_posts_author_and_not_the_commenter(member, other_member):
    post = make_post(member, "Reunion in Lahore")
    add_comment(post, other_member, "What a night!")
    assert told(member) == [
        ("comment", "Charlotte Reyes commented on your post “Reunion in Lahore”")
    ]
    assert told(other_member) == []
    [notification] = Notification.objects.filter(recipient=member)
    assert notification.url == f"{post.get_absolute_url()}#comment-{Comment.objects.get().pk}"
    assert notification.excerpt == "What a night!"


def test_commenting_on_my_own_post_tells_nobody(member):
    post = make_post(member)
    add_comment(post, member, "Thanks all")
    assert not Notification.objects.exists()


def test_earlier_commenters_hear_of_later_comments_once(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    post = make_post(member, "Reunion in Lahore")
    add_comment(post, other_member, "First")
    add_comment(post, other_member, "Second, by the same")
    add_comment(post, third, "Third")
    assert told(other_member) == [
        ("also-commented", "Tariq Third also commented on “Reunion in Lahore”")
    ]
    # The author is told as the author, not also as an earlier commenter.
    assert [kind for kind, _ in told(member)] == ["comment", "comment", "comment"]


@pytest.mark.skipif(
    "parent" not in inspect.signature(add_comment).parameters, reason="comments without replies"
)
def test_a_reply_tells_the_author_of_the_comment_replied_to(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    post = make_post(member, "Reunion in Lahore")
    first = add_comment(post, other_member, "First")
    add_comment(post, third, "Indeed", parent=first)
    assert told(other_member) == [
        ("reply", "Tariq Third replied to your comment on “Reunion in Lahore”")
    ]


def test_a_comment_on_a_wall_tells_the_walls_member(member, other_member):
    # The walls app publishes comments.added with `on` the member whose wall it is.
    comment = Comment.objects.create(target=member, author=other_member, body="Hello there")
    events.publish("comments.added", actor=other_member, target=comment, on=member, parent=None)
    assert told(member) == [("wall", "Charlotte Reyes wrote on your wall")]


def test_nobody_is_told_by_a_member_they_blocked_or_who_blocked_them(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    post = make_post(member)
    friends.block(by=member, other=other_member)
    add_comment(post, other_member, "Let me in")
    assert told(member) == []
    friends.block(by=third, other=member)
    mine = make_post(third)
    add_comment(mine, member, "Blocked me?")
    assert told(third) == []


def test_a_block_takes_what_each_was_told_of_the_other(member, other_member):
    add_comment(make_post(member), other_member, "Hello")
    assert told(member)
    friends.block(by=member, other=other_member)
    assert told(member) == []


def test_a_mention_in_a_comment_tells_the_member_mentioned(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    post = make_post(member, "Reunion in Lahore")
    add_comment(post, other_member, f"Look, @{third.handle} and @{member.handle}! (not @nobody)")
    assert told(third) == [("mention", "Charlotte Reyes mentioned you in “Reunion in Lahore”")]
    # The author is told once, of the comment.
    assert [kind for kind, _ in told(member)] == ["comment"]


def test_an_email_address_is_not_a_mention(member, other_member):
    post = make_post(member)
    add_comment(post, other_member, f"write to x@{other_member.handle}.org")
    assert Notification.objects.filter(kind="mention").count() == 0


def test_a_mention_in_a_post_tells_the_member_once(member, other_member):
    post = make_post(member, "Plans", f"Thanks to @{other_member.handle} for the photos.")
    assert told(other_member) == [("mention", "Bilal Ahmed mentioned you in “Plans”")]
    # Back to draft and published again: not a second time.
    save_post(post, by=member, title="Plans", body=post.body, tags=[], links=[], publish=False)
    save_post(post, by=member, title="Plans", body=post.body, tags=[], links=[], publish=True)
    assert len(told(other_member)) == 1


def test_nobody_is_told_about_what_they_may_not_see(member, other_member):
    moderator = make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)
    post = make_post(member, "A heated thread")
    Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now())
    post.refresh_from_db()
    # Moderators still comment on a hidden post; a member mentioned there cannot see it.
    add_comment(post, moderator, f"@{other_member.handle}, please read the rules.")
    assert told(other_member) == []
    assert [kind for kind, _ in told(member)] == ["comment"]


def test_likes_of_one_post_are_one_notification(member):
    post = make_post(member, "Reunion in Lahore")
    likers = [make_member(f"Liker {i}", f"liker{i}@example.org") for i in range(5)]
    for liker in likers:
        like(post, liker)
    assert told(member) == [("like", "Liker 4 and 4 others liked your post “Reunion in Lahore”")]
    # Once read, the next like starts a new one.
    services.mark_all_read(by=member)
    like(post, make_member("Late Liker", "late@example.org"))
    assert told(member)[0] == ("like", "Late Liker liked your post “Reunion in Lahore”")


def test_a_like_of_a_comment_tells_its_author(member, other_member):
    post = make_post(member, "Reunion in Lahore")
    comment = add_comment(post, other_member, "Lovely")
    like(comment, member)
    assert told(other_member) == [("like", "Bilal Ahmed liked your comment on “Reunion in Lahore”")]


def test_friend_requests_and_their_acceptance(member, other_member):
    friends.send_request(by=member, to=other_member)
    assert told(other_member) == [("friend-request", "Bilal Ahmed wants to be your friend")]
    friends.accept(by=other_member, sender=member)
    assert told(member) == [("friend-accepted", "Charlotte Reyes accepted your friend request")]
    # Answered: the request's notification is read.
    assert not Notification.objects.filter(recipient=other_member, read_at=None).exists()


def test_messages_tell_their_recipients(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    # The messaging app publishes these; any model stands for its message here.
    message = make_post(member, "Dinner on Friday?")
    events.publish("messages.sent", actor=member, target=message, recipients=[other_member])
    assert told(other_member) == [
        ("message", "Bilal Ahmed sent you a message: “Dinner on Friday?”")
    ]
    events.publish(
        "messages.broadcast", actor=member, target=message, recipients=[other_member, third, member]
    )
    assert told(third) == [
        ("broadcast", "Bilal Ahmed sent a message to every member: “Dinner on Friday?”")
    ]
    assert told(member) == []


def test_not_at_all_means_no_notification(member, other_member):
    services.set_preferences({"comment": Delivery.OFF}, by=member)
    add_comment(make_post(member), other_member, "Hello")
    assert told(member) == []


def test_suspended_members_are_not_told(member, other_member):
    post = make_post(member)
    Member.objects.filter(pk=member.pk).update(is_active=False)
    add_comment(post, other_member, "Anyone?")
    assert told(member) == []


def test_deleting_a_post_or_comment_takes_its_notifications(member, other_member):
    post = make_post(member)
    comment = add_comment(post, other_member, "Hi")
    like(post, other_member)
    delete_comment(comment)
    assert [kind for kind, _ in told(member)] == ["like"]
    from blogs.services import delete_post

    delete_post(post, by=member)
    assert told(member) == []


def test_a_post_back_in_draft_takes_the_notifications_of_those_who_no_longer_see_it(
    member, other_member
):
    post = make_post(member, "Plans", f"Hello @{other_member.handle}")
    add_comment(post, other_member, "Hi")
    save_post(post, by=member, title="Plans", body=post.body, tags=[], links=[], publish=False)
    assert told(other_member) == []
    # The author still sees their draft, and what was said on it.
    assert [kind for kind, _ in told(member)] == ["comment"]


def test_a_later_app_adds_a_kind_without_changing_this_one(member, other_member):
    from notifications import kinds

    kinds.register(
        kinds.Kind("test-event", "Events I go to", Delivery.PAGE, lambda n: "%(actor)s invited you")
    )
    try:
        services.notify(
            "test-event",
            [member],
            actor=other_member,
            about=services.About(None, "/events/1/"),
        )
        assert told(member) == [("test-event", "Charlotte Reyes invited you")]
    finally:
        kinds._kinds.pop("test-event")
    assert ContentType.objects.exists()
