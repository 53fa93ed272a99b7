"""Approval of comments (moderation/: Network.approval_required "comments", and a new member's
comments with links held): a new comment waits, shown to its author (marked so) and the
comments' moderators only, not counted and told to nobody, until a moderator approves or
rejects it. Comments ask moderation through a hook (services.approval_needed): comments sits
below moderation."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity.models import Entry
from blogs.models import Post
from comments import services
from comments.models import Comment
from conftest import client_for, make_member, make_post, page_queries
from lib.cachetags import invalidate
from members.models import Member
from notifications.models import Notification

pytestmark = pytest.mark.django_db

PENDING = reverse("moderation:pending")
WAITS = "Waits for a moderator"


@pytest.fixture
def approving(network):
    network.approval_required = ["comments"]
    network.save()
    invalidate("network")
    return network


@pytest.fixture
def post(creator):
    return make_post(creator, title="Reunion in Lahore")


def comments_moderator() -> Member:
    return make_member(
        "Kamran Comments",
        "kamran@example.org",
        role=Member.Role.MODERATOR,
        moderator_scopes=["comments"],
    )


def forum_moderator() -> Member:
    return make_member(
        "Fatima Forum", "fatima@example.org", role=Member.Role.MODERATOR, moderator_scopes=["forum"]
    )


def act_url(pk: int, action: str) -> str:
    return reverse("moderation:act", args=["comment", pk, action])


def write(client: Client, post: Post, body: str) -> Comment:
    response = client.post(reverse("comments:create", args=["post", post.pk]), {"body": body})
    assert response.status_code == 302
    return Comment.objects.get(body=body)


def test_the_hook_is_set_by_moderation():
    assert services.approval_needed is not services._never
    assert services.approval_submitted is not services._nobody


def test_a_new_comment_waits_shown_to_its_author_and_the_comments_moderators(
    approving, post, member, other_member, creator
):
    moderator, elsewhere = comments_moderator(), forum_moderator()
    author = client_for(member)
    comment = write(author, post, "Lovely evening, see you all")
    assert comment.is_pending
    url = post.get_absolute_url()

    page = author.get(url).content.decode()
    assert "Lovely evening, see you all" in page and WAITS in page
    for who in (Client(), client_for(other_member), client_for(elsewhere)):
        assert "Lovely evening, see you all" not in who.get(url).content.decode()
    seen = client_for(moderator).get(url).content.decode()
    assert "Lovely evening, see you all" in seen and WAITS in seen

    # Not counted, told to nobody (the post's author), no activity; the moderators are told.
    assert Post.objects.get(pk=post.pk).comment_count == 0
    assert not Notification.objects.filter(recipient=creator, kind="comment").exists()
    assert not Entry.objects.filter(kind="comments.added").exists()
    assert Notification.objects.filter(recipient=moderator, kind="moderation-pending").exists()
    queue = client_for(moderator).get(PENDING).content.decode()
    assert "Lovely evening, see you all" in queue and act_url(comment.pk, "approve") in queue
    assert client_for(elsewhere).post(act_url(comment.pk, "approve")).status_code == 403
    # Nobody replies to it while it waits.
    assert (
        client_for(other_member).get(reverse("comments:reply", args=[comment.pk])).status_code
        == 404
    )


def test_approving_shows_counts_and_tells_it(approving, post, member, other_member, creator):
    moderator = comments_moderator()
    comment = write(client_for(member), post, "Great photos everyone")
    Client().get(post.get_absolute_url())  # the visitors' cached page, before
    response = client_for(moderator).post(act_url(comment.pk, "approve"), {"reason": ""})
    assert response.status_code == 302 and response["Location"] == PENDING
    comment.refresh_from_db()
    assert not comment.is_pending
    assert Post.objects.get(pk=post.pk).comment_count == 1
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "Great photos everyone" in page and WAITS not in page
    assert (
        Notification.objects.filter(recipient=creator)
        .exclude(kind__startswith="moderation")
        .exists()
    )
    assert Entry.objects.filter(kind="comments.added").count() == 1


def test_rejecting_deletes_it_and_tells_the_author(approving, post, member):
    moderator = comments_moderator()
    comment = write(client_for(member), post, "Buy cheap watches")
    response = client_for(moderator).post(act_url(comment.pk, "reject"), {"reason": "Spam."})
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
    told = Notification.objects.get(recipient=member, kind="moderation-rejected")
    assert told.excerpt == "Spam." and told.target_id is None
    assert Post.objects.get(pk=post.pk).comment_count == 0
    assert (
        "Buy cheap watches" not in client_for(member).get(post.get_absolute_url()).content.decode()
    )


def test_moderators_comments_and_comments_without_approval_do_not_wait(
    approving, network, post, member, creator
):
    assert not services.add_comment(post, comments_moderator(), "From a moderator").is_pending
    assert not services.add_comment(post, creator, "From the creator").is_pending
    assert services.add_comment(post, forum_moderator(), "Other scope").is_pending
    network.approval_required = []
    network.save()
    invalidate("network")
    assert not services.add_comment(post, member, "Free again").is_pending
    assert Post.objects.get(pk=post.pk).comment_count == 3


def test_a_new_members_comment_with_a_link_waits(network, post):
    network.hold_new_members_links = True
    network.save()
    invalidate("network")
    newcomer = make_member("Nadia New", "nadia@example.org")
    old_timer = make_member(
        "Omar Old", "omar@example.org", date_joined=timezone.now() - dt.timedelta(days=30)
    )
    assert services.add_comment(post, newcomer, "Mine: https://spam.test").is_pending
    assert services.add_comment(post, newcomer, "See [this](http://x.test)").is_pending
    assert not services.add_comment(post, newcomer, "No link here").is_pending
    assert not services.add_comment(post, old_timer, "https://fine.test").is_pending


def test_deleting_a_waiting_comment_leaves_the_count_alone(approving, post, member):
    assert not services.add_comment(post, comments_moderator(), "Shown one").is_pending
    waiting = services.add_comment(post, member, "Waiting one")
    assert waiting.is_pending
    assert Post.objects.get(pk=post.pk).comment_count == 1
    services.delete_comment(waiting, by=member)
    assert Post.objects.get(pk=post.pk).comment_count == 1


def test_a_post_page_costs_the_same_with_comments_waiting(approving, post, member, other_member):
    """A visitor's and another member's post page read as many queries whether comments
    wait on it or not."""
    for n in range(5):
        services.add_comment(post, make_member(f"M{n}", f"m{n}@example.org"), f"Comment {n}")
    visitor_before = page_queries(Client(), post.get_absolute_url())
    other_before = page_queries(client_for(other_member), post.get_absolute_url())
    for n in range(5, 50):
        services.add_comment(post, make_member(f"M{n}", f"m{n}@example.org"), f"Comment {n}")
    assert page_queries(Client(), post.get_absolute_url()) == visitor_before
    assert page_queries(client_for(other_member), post.get_absolute_url()) == other_before


def test_those_who_delete_every_comment_see_only_their_own_waiting(approving, member):
    """The post's author and moderators of other features share one cached list unless they
    have comments waiting: each sees their own, never another's."""
    first = make_member(
        "Bushra Blogs", "bushra@example.org", role=Member.Role.MODERATOR, moderator_scopes=["blogs"]
    )
    second = forum_moderator()
    post = make_post(member, title="A member's post")
    url = post.get_absolute_url()
    assert client_for(first).get(url).status_code == 200  # the list cached, before
    assert services.add_comment(post, first, "Mine, from Bushra").is_pending
    assert services.add_comment(post, second, "Mine, from Fatima").is_pending
    first_sees = client_for(first).get(url).content.decode()
    second_sees = client_for(second).get(url).content.decode()
    assert "Mine, from Bushra" in first_sees and "Mine, from Fatima" not in first_sees
    assert "Mine, from Fatima" in second_sees and "Mine, from Bushra" not in second_sees
    owner = client_for(member)
    assert "Mine, from" not in owner.get(url).content.decode()
    services.add_comment(post, member, "Mine, from the author")
    owner_sees = owner.get(url).content.decode()
    assert "Mine, from the author" in owner_sees and "Mine, from Bushra" not in owner_sees
    assert "Mine, from the author" not in client_for(first).get(url).content.decode()
