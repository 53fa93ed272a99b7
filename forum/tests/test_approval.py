"""Approval of discussions (moderation/: Network.approval_required "forum", and a new
member's links held): a new discussion waits, seen by its author and the forum's moderators
only, in no list, count or activity, until a moderator approves or rejects it."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity.models import Entry
from conftest import body_of, client_for, make_member
from forum.models import Category, Discussion
from forum.tests.helpers import make_category, make_discussion
from lib.cachetags import invalidate
from members.models import Member
from notifications.models import Notification

pytestmark = pytest.mark.django_db

PENDING = reverse("moderation:pending")


@pytest.fixture
def approving(network):
    network.approval_required = ["forum"]
    network.save()
    invalidate("network")
    return network


@pytest.fixture
def category(creator: Member) -> Category:
    return make_category(creator)


def forum_moderator() -> Member:
    return make_member(
        "Fatima Forum", "fatima@example.org", role=Member.Role.MODERATOR, moderator_scopes=["forum"]
    )


def blogs_moderator() -> Member:
    return make_member(
        "Bushra Blogs", "bushra@example.org", role=Member.Role.MODERATOR, moderator_scopes=["blogs"]
    )


def act_url(pk: int, action: str) -> str:
    return reverse("moderation:act", args=["discussion", pk, action])


def lists(client: Client) -> str:
    pages = ("forum:index", "forum:latest", "network:home", "activity:everyone", "forum:feed_rss")
    return "".join(client.get(reverse(name)).content.decode() for name in pages)


def start(client: Client, category: Category, title: str, body: str = "Who comes?") -> Discussion:
    response = client.post(
        reverse("forum:start"), {"category": category.pk, "title": title, "body": body}
    )
    assert response.status_code == 302
    return Discussion.objects.get(title=title)


def test_a_new_discussion_waits_seen_by_its_author_and_the_forums_moderators(
    approving, member, other_member, category
):
    moderator, elsewhere = forum_moderator(), blogs_moderator()
    author = client_for(member)
    discussion = start(author, category, "Secret reunion plans")
    assert discussion.is_pending
    url = discussion.get_absolute_url()

    page = author.get(url, follow=True).content.decode()
    assert "waits for a moderator&#x27;s approval" in page
    assert "Secret reunion plans" in author.get(reverse("forum:mine")).content.decode()
    assert Client().get(url).status_code == 404
    assert client_for(other_member).get(url).status_code == 404
    assert client_for(elsewhere).get(url).status_code == 404
    assert client_for(moderator).get(url).status_code == 200
    for who in (Client(), client_for(other_member), client_for(moderator), author):
        assert "Secret reunion plans" not in lists(who)

    # Nothing counted or told yet; the forum's moderators are told something waits.
    category.refresh_from_db()
    assert category.discussion_count == 0 and category.last_discussion is None
    assert not Entry.objects.exists()
    assert Notification.objects.filter(recipient=moderator, kind="moderation-pending").exists()
    assert not Notification.objects.filter(recipient=elsewhere).exists()
    queue = client_for(moderator).get(PENDING).content.decode()
    assert "Secret reunion plans" in queue and act_url(discussion.pk, "approve") in queue
    assert "Secret reunion plans" not in client_for(elsewhere).get(PENDING).content.decode()
    assert client_for(elsewhere).post(act_url(discussion.pk, "approve")).status_code == 403


def test_approving_lists_counts_and_tells_it(approving, member, other_member, category):
    moderator = forum_moderator()
    discussion = start(client_for(member), category, "Cricket on Sunday")
    lists(Client())  # the visitors' cached pages, before
    response = client_for(moderator).post(act_url(discussion.pk, "approve"), {"reason": ""})
    assert response.status_code == 302 and response["Location"] == PENDING
    discussion.refresh_from_db()
    assert not discussion.is_pending
    category.refresh_from_db()
    assert category.discussion_count == 1 and category.last_discussion == discussion
    assert Entry.objects.filter(kind="forum.started").count() == 1
    assert lists(Client()).count("Cricket on Sunday") >= 4
    assert Client().get(discussion.get_absolute_url()).status_code == 200


def test_rejecting_deletes_it_and_tells_the_author_why(
    approving, member, category, smtp, django_capture_on_commit_callbacks
):
    moderator = forum_moderator()
    discussion = start(client_for(member), category, "Cheap watches")
    client = client_for(moderator)
    assert client.post(act_url(discussion.pk, "reject"), {"reason": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(act_url(discussion.pk, "reject"), {"reason": "No selling."})
    assert response.status_code == 302
    assert not Discussion.objects.filter(pk=discussion.pk).exists()
    told = Notification.objects.get(recipient=member, kind="moderation-rejected")
    assert told.excerpt == "No selling." and told.target_id is None
    [email] = smtp.wait_for(member.email)
    assert "Cheap watches" in body_of(email) and "not published" in body_of(email)
    category.refresh_from_db()
    assert category.discussion_count == 0


def test_moderators_discussions_and_networks_without_approval_do_not_wait(
    approving, network, member, creator, category
):
    assert not make_discussion(forum_moderator(), category, title="From a moderator").is_pending
    assert not make_discussion(creator, category, title="From the creator").is_pending
    assert make_discussion(blogs_moderator(), category, title="Other scope").is_pending
    network.approval_required = []
    network.save()
    invalidate("network")
    assert not make_discussion(member, category, title="Free again").is_pending


def test_a_new_members_discussion_with_a_link_waits(network, category):
    network.hold_new_members_links = True
    network.save()
    invalidate("network")
    newcomer = make_member("Nadia New", "nadia@example.org")
    old_timer = make_member(
        "Omar Old", "omar@example.org", date_joined=timezone.now() - dt.timedelta(days=30)
    )
    assert make_discussion(newcomer, category, title="Visit", body="See https://x.test").is_pending
    assert not make_discussion(newcomer, category, title="Plain", body="No link").is_pending
    assert not make_discussion(old_timer, category, title="Old", body="https://x.test").is_pending


def test_the_starter_sees_the_notice_the_list_pages_cost_the_same(approving, member, category):
    """A waiting discussion in the author's own list is marked so; the forum's lists read
    as many queries as before."""
    from conftest import page_queries

    author = client_for(member)
    start(author, category, "Marked one")
    assert "Awaiting approval" in author.get(reverse("forum:mine")).content.decode()
    for n in range(5):
        make_discussion(make_member(f"M{n}", f"m{n}@example.org"), category, title=f"T{n}")
    few = page_queries(Client(), category.get_absolute_url())
    for n in range(5, 50):
        make_discussion(make_member(f"M{n}", f"m{n}@example.org"), category, title=f"T{n}")
    assert page_queries(Client(), category.get_absolute_url()) == few
