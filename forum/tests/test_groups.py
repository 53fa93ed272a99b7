"""A group's own discussions: forum discussions with a group and no category.

A private group's discussions are its readers' only (its members, the network's
administrators and creator) on every page that could show them — the discussion and its files,
the group's list and page, the forum's lists, the feeds, the home page, Latest Activity, a
member's page — and only its followers who still read the group are told of replies: tested
per persona, a member who left and one who was removed among them. Only the group's members
start and reply; a public group's discussions are for everyone to read.
"""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, page_queries
from forum import attachments, services
from forum.handlers import REPLY
from forum.models import Attachment, Discussion, Follow
from forum.tests.helpers import make_category, pdf
from groups import services as groups
from groups.models import Group
from groups.tests.helpers import add, make_group, people_around
from likes.models import Like
from likes.services import like
from members.models import Member
from notifications.models import Notification

pytestmark = pytest.mark.django_db

SECRET = "Secret plans for the reunion"
SECRET_BODY = "Only **we** know where."
OPEN = "Picnic by the river"
FORUM = "Open forum question"


def start(author: Member, group: Group, title: str, body: str = "Hello", **kw) -> Discussion:
    return services.start_discussion(by=author, group=group, title=title, body=body, **kw)


@pytest.fixture
def world(network, member, other_member):
    """`member` runs a private group by request, `other_member` in it, who started a
    discussion there (with a file); a public group with a discussion; a forum discussion; and
    people around them. Those who left and were removed had followed the private discussion."""
    private = make_group(member, "Old Boys", private=True, joining=Group.Joining.REQUEST)
    public = make_group(member, "Open Circle")
    people = people_around(network, member, other_member)
    add(private, other_member, people["left"], people["removed"], people["suspended"])
    secret = start(other_member, private, SECRET, SECRET_BODY, uploads=[attachments.check(pdf())])
    for who in ("left", "removed"):
        services.follow(secret, by=people[who])
    add_comment(secret, people["left"], "I will come.")
    groups.leave(private, by=people["left"])
    groups.remove_member(private, people["removed"], by=member)
    groups.invite(private, people["invited"], by=member)
    groups.ask_to_join(private, by=people["requester"])
    Member.objects.filter(pk=people["suspended"].pk).update(is_active=False)
    add(public, other_member)
    picnic = start(other_member, public, OPEN)
    forum = services.start_discussion(
        by=member, category=make_category(network.creator), title=FORUM, body="Anyone?"
    )
    private.refresh_from_db()
    return {
        "private": private,
        "public": public,
        "secret": secret,
        "picnic": picnic,
        "forum": forum,
        "people": people,
    }


READERS = {"group admin", "group member", "administrator", "creator"}
ALL = [
    "visitor", "group admin", "group member", "left", "removed", "invited", "requester",
    "suspended", "outsider", "moderator", "administrator", "creator",
]  # fmt: skip


def client(world, persona) -> Client:
    return Client() if persona == "visitor" else client_for(world["people"][persona])


def text(c: Client, url: str) -> str:
    response = c.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("persona", ALL)
def test_a_private_groups_discussion_per_persona(world, persona):
    c = client(world, persona)
    reads = persona in READERS
    secret: Discussion = world["secret"]
    private: Group = world["private"]

    page = c.get(secret.get_absolute_url())
    assert page.status_code == (200 if reads else 404)
    if reads:
        html = page.content.decode()
        assert SECRET_BODY not in html  # rendered as Markdown
        assert "<strong>we</strong>" in html
        assert "Old Boys" in html and reverse("forum:group", args=[private.slug]) in html
    assert c.get(reverse("forum:discussion_short", args=[secret.pk])).status_code == (
        301 if reads else 404
    )
    attachment = secret.attachments.get()
    assert c.get(attachment.get_absolute_url()).status_code == (200 if reads else 404)

    group_list = c.get(reverse("forum:group", args=[private.slug]))
    assert group_list.status_code == (200 if reads else 404)
    assert (SECRET in text(c, private.get_absolute_url())) is reads
    assert (SECRET in text(c, reverse("forum:latest"))) is reads
    assert (SECRET in text(c, reverse("activity:everyone"))) is reads
    starter = world["people"]["group member"]
    assert (SECRET in text(c, starter.get_absolute_url())) is reads
    # What is the same for everyone never shows it.
    for url in ("network:home", "forum:index", "forum:feed_rss", "forum:feed_atom"):
        assert SECRET not in text(c, reverse(url)), url
    # The public group's and the forum's discussions show to everyone in those lists.
    latest = text(c, reverse("forum:latest"))
    assert OPEN in latest and FORUM in latest
    # The group's page shows its discussions section to readers only.
    assert ("All the group" in text(c, private.get_absolute_url())) is reads


@pytest.mark.parametrize("persona", ALL)
def test_a_public_groups_discussion_is_everyones_to_read(world, persona):
    c = client(world, persona)
    picnic: Discussion = world["picnic"]
    public: Group = world["public"]
    html = text(c, picnic.get_absolute_url())
    assert OPEN in html and "Open Circle" in html
    assert OPEN in text(c, reverse("forum:group", args=[public.slug]))
    assert OPEN in text(c, public.get_absolute_url())
    latest = text(c, reverse("forum:latest"))
    assert OPEN in latest and "in the group" in latest
    for url in ("network:home", "forum:feed_rss", "forum:feed_atom"):
        assert OPEN in text(c, reverse(url)), url
    # It is the group's, not a category's: the forum's index counts none of it.
    assert OPEN not in text(c, reverse("forum:index"))


STARTERS = {"group admin", "group member"}


@pytest.mark.parametrize("persona", ALL)
def test_only_the_groups_members_start_and_reply(world, persona):
    c = client(world, persona)
    for group_name, discussion_name in (("private", "secret"), ("public", "picnic")):
        group: Group = world[group_name]
        discussion: Discussion = world[discussion_name]
        # In both groups, only the group's admin and member are in it.
        in_group = persona in STARTERS
        url = reverse("forum:group_start", args=[group.slug])
        response = c.post(url, {"title": f"New in {group_name}", "body": "Text"})
        if persona in ("visitor", "suspended"):
            assert response.status_code == 302 and "signin" in response["Location"]
        elif in_group:
            assert response.status_code == 302
            started = Discussion.objects.get(title=f"New in {group_name}")
            assert started.group == group and started.category is None
            assert response["Location"] == started.get_absolute_url()
        else:
            reads = group_name == "public" or persona in READERS
            assert response.status_code == (403 if reads else 404)
            assert not Discussion.objects.filter(title=f"New in {group_name}").exists()
        reply = c.post(
            reverse("comments:create", args=["discussion", discussion.pk]), {"body": "Me too"}
        )
        reads = group_name == "public" or persona in READERS
        if in_group:
            assert reply.status_code == 302
        elif persona in ("visitor", "suspended"):
            assert reply.status_code in (403, 404)
        else:
            assert reply.status_code == (403 if reads else 404)
        page = c.get(discussion.get_absolute_url())
        if page.status_code == 200:
            html = page.content.decode()
            # The reply form shows to the group's members only.
            assert ('name="body"' in html) is in_group


def test_readers_outside_the_group_see_every_reply_but_write_none(world, member):
    """The registration's can_write keeps outsiders from replying, not from reading:
    the starter's and the members' replies show to a public group's visitors."""
    picnic: Discussion = world["picnic"]
    starter = world["people"]["group member"]
    add_comment(picnic, starter, "Bring a blanket, says the starter.")
    add_comment(picnic, member, "And the admin brings tea.")
    outsider = client_for(world["people"]["outsider"])
    html = text(outsider, picnic.get_absolute_url())
    assert "Bring a blanket" in html and "the admin brings tea" in html
    assert "Bring a blanket" in text(Client(), picnic.get_absolute_url())
    # The starter still deletes any reply in their discussion.
    admin_reply = Comment.objects.get(body="And the admin brings tea.")
    assert (
        client_for(starter).post(reverse("comments:delete", args=[admin_reply.pk])).status_code
        == 302
    )
    assert not Comment.objects.filter(pk=admin_reply.pk).exists()


def test_followers_who_no_longer_read_the_group_are_not_told(world, member):
    people = world["people"]
    secret: Discussion = world["secret"]
    Notification.objects.all().delete()
    add_comment(secret, member, "The place is booked.")
    told = set(Notification.objects.filter(kind=REPLY).values_list("recipient_id", flat=True))
    assert people["group member"].pk in told  # the starter follows it
    assert people["left"].pk not in told
    assert people["removed"].pk not in told
    assert not Notification.objects.filter(
        recipient__in=[people["left"], people["removed"]]
    ).exists()


def test_deleting_a_group_deletes_its_discussions_and_all_they_had(world, member):
    secret: Discussion = world["secret"]
    reply = add_comment(secret, member, "See you there.")
    like(secret, member)
    like(reply, world["people"]["group member"])
    assert Like.objects.count() == 2
    groups.delete_group(world["private"], by=member)
    assert not Discussion.objects.filter(pk=secret.pk).exists()
    assert not Comment.objects.filter(
        object_id=secret.pk, content_type__model="discussion"
    ).exists()
    assert not Attachment.objects.filter(discussion_id=secret.pk).exists()
    assert not Follow.objects.filter(discussion_id=secret.pk).exists()
    assert not Like.objects.filter(object_id__in=[secret.pk, reply.pk]).exists()
    assert not Notification.objects.filter(title=SECRET).exists()
    # The other group's discussion and the forum's stay.
    assert Discussion.objects.filter(pk__in=[world["picnic"].pk, world["forum"].pk]).count() == 2


def test_hiding_a_public_group_takes_its_discussions_from_visitors_cached_pages(world):
    picnic: Discussion = world["picnic"]
    visitor = Client()
    # Cached for visitors first.
    assert OPEN in text(visitor, reverse("network:home"))
    assert visitor.get(picnic.get_absolute_url()).status_code == 200
    assert OPEN in text(visitor, reverse("forum:latest"))
    groups.set_hidden(world["public"], by=world["people"]["moderator"], hidden=True)
    assert visitor.get(picnic.get_absolute_url()).status_code == 404
    assert OPEN not in text(visitor, reverse("network:home"))
    assert OPEN not in text(visitor, reverse("forum:latest"))
    assert visitor.get(reverse("forum:group", args=[world["public"].slug])).status_code == 404
    # Moderators still read it.
    moderator = client_for(world["people"]["moderator"])
    assert moderator.get(picnic.get_absolute_url()).status_code == 200


def test_a_member_who_joins_sees_the_discussions_at_once_and_leaving_takes_them(world):
    outsider = world["people"]["outsider"]
    private: Group = world["private"]
    c = client_for(outsider)
    assert SECRET not in text(c, reverse("forum:latest"))  # the count is cached now
    groups.invite(private, outsider, by=world["people"]["group admin"])
    groups.accept_invitation(private, by=outsider)
    assert SECRET in text(c, reverse("forum:latest"))
    assert c.get(world["secret"].get_absolute_url()).status_code == 200
    groups.leave(private, by=outsider)
    assert SECRET not in text(c, reverse("forum:latest"))
    assert c.get(world["secret"].get_absolute_url()).status_code == 404


def test_editing_a_groups_discussion_keeps_it_in_the_group(world):
    secret: Discussion = world["secret"]
    starter = client_for(world["people"]["group member"])
    form = text(starter, reverse("forum:edit", args=[secret.pk]))
    assert 'name="category"' not in form
    response = starter.post(
        reverse("forum:edit", args=[secret.pk]), {"title": "Plans, revised", "body": "New"}
    )
    assert response.status_code == 302
    secret.refresh_from_db()
    assert secret.title == "Plans, revised" and secret.group == world["private"]
    assert secret.category is None
    deleted = starter.post(reverse("forum:delete", args=[secret.pk]))
    assert deleted["Location"] == reverse("forum:group", args=[world["private"].slug])


def test_a_forum_discussion_still_needs_a_category(world, member):
    response = client_for(member).post(
        reverse("forum:start"), {"category": "", "title": "No home", "body": "Where?"}
    )
    assert response.status_code == 400
    assert not Discussion.objects.filter(title="No home").exists()


def test_the_start_form_in_a_group_keeps_what_was_typed(world, member):
    response = client_for(member).post(
        reverse("forum:group_start", args=[world["private"].slug]),
        {"title": "Only a title", "body": "  "},
    )
    assert response.status_code == 400
    assert "Only a title" in response.content.decode()
    assert 'name="category"' not in response.content.decode()


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_groups_discussion_list_costs_the_same_at_5_and_50(network, member, signed_in):
    group = make_group(member, "Busy Circle")
    others = [make_member(f"Replier {i}", f"r{i}@example.org") for i in range(3)]
    add(group, *others)
    c = client_for(member) if signed_in else Client()
    url = reverse("forum:group", args=[group.slug])

    def grow_to(n: int) -> None:
        while Discussion.objects.filter(group=group).count() < n:
            i = Discussion.objects.filter(group=group).count()
            found = start(others[i % 3], group, f"Topic {i}")
            if i % 2:
                add_comment(found, others[(i + 1) % 3], "A reply")

    grow_to(5)
    page_queries(c, group.get_absolute_url())  # warm the process-wide lookups (content types)
    at_5 = page_queries(c, url), page_queries(c, group.get_absolute_url())
    grow_to(50)
    at_50 = page_queries(c, url), page_queries(c, group.get_absolute_url())
    # The list, and the group's page with its section of the latest discussions.
    assert at_5 == at_50


def test_leaving_or_being_removed_takes_what_they_were_told_of_a_private_groups_discussions(
    world, member
):
    people = world["people"]
    private: Group = world["private"]
    stays, goes = make_member("Sara Stays", "sara@example.org"), people["outsider"]
    add(private, stays, goes)
    for who in (stays, goes):
        services.follow(world["secret"], by=who)
    add_comment(world["secret"], member, "Thursday at eight.")
    assert Notification.objects.filter(recipient=goes, kind=REPLY).exists()
    groups.leave(private, by=goes)
    assert not Notification.objects.filter(recipient=goes, kind=REPLY).exists()
    assert Notification.objects.filter(recipient=stays, kind=REPLY).exists()
    groups.remove_member(private, stays, by=member)
    assert not Notification.objects.filter(recipient=stays, kind=REPLY).exists()
    # A public group's discussions are still theirs to read: what they were told stays.
    public: Group = world["public"]
    add(public, goes)
    services.follow(world["picnic"], by=goes)
    add_comment(world["picnic"], member, "Sunday it is.")
    groups.leave(public, by=goes)
    assert Notification.objects.filter(recipient=goes, kind=REPLY).exists()
