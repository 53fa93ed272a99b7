"""A group's activity: what happened in it (members joining, discussions started in it and
their replies, its wall's comments), on its page ("Latest activity") and on its own page
/groups/<slug>/activity/ — a keyset page as Latest Activity's, for those who read the group's
content only (a private group's: its members and the network's administrators; 404 for the
others, as its member list), with never a line the viewer may not see."""

from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from activity.models import Entry
from comments.models import Comment
from comments.services import add_comment, set_hidden
from conftest import client_for, make_member, page_queries
from forum import services as forum
from forum.models import Discussion
from friends.services import block
from groups import services
from groups.models import Group
from members.models import Member

from .helpers import add, make_group, people_around

pytestmark = pytest.mark.django_db

ALL = [
    "visitor", "group admin", "group member", "left", "removed", "invited", "requester",
    "suspended", "outsider", "moderator", "administrator", "creator",
]  # fmt: skip
# Who reads a private group's content.
READERS = {"group admin", "group member", "administrator", "creator"}


def what_happened(group: Group, admin: Member, member: Member, where: str) -> dict[str, str]:
    """A wall comment, a discussion and a reply in `group`; the words each line shows."""
    words = {
        "wall": f"Wall words in {where}",
        "discussion": f"Talk in {where}",
        "reply": f"Reply words in {where}",
    }
    add_comment(group, member, words["wall"])
    discussion = forum.start_discussion(
        by=member, group=group, title=words["discussion"], body="Let us talk."
    )
    add_comment(discussion, admin, words["reply"])
    return words


@pytest.fixture
def world(network, member, other_member) -> dict[str, Any]:
    """`member` runs a private group (by request) and a public one, `other_member` in both,
    each with a wall comment, a discussion and a reply; and people around them."""
    private = make_group(member, "Old Boys", private=True, joining=Group.Joining.REQUEST)
    public = make_group(member, "Open Circle")
    people = people_around(network, member, other_member)
    for group in (private, public):
        add(group, other_member, people["left"], people["removed"], people["suspended"])
        services.leave(group, by=people["left"])
        services.remove_member(group, people["removed"], by=member)
    services.invite(private, people["invited"], by=member)
    services.ask_to_join(private, by=people["requester"])
    words = {
        "private": what_happened(private, member, other_member, "private"),
        "public": what_happened(public, member, other_member, "public"),
    }
    Member.objects.filter(pk=people["suspended"].pk).update(is_active=False)
    return {"private": private, "public": public, "people": people, "words": words}


def client(world: dict[str, Any], persona: str) -> Client:
    return Client() if persona == "visitor" else client_for(world["people"][persona])


def activity_url(group: Group) -> str:
    return reverse("groups:activity", args=[group.slug])


@pytest.mark.parametrize("persona", ALL)
@pytest.mark.parametrize("which", ["private", "public"])
def test_the_groups_activity_per_persona(world, persona, which):
    group, other = world[which], world["public" if which == "private" else "private"]
    reads = which == "public" or persona in READERS
    c = client(world, persona)

    response = c.get(activity_url(group))
    assert response.status_code == (200 if reads else 404)
    page = c.get(group.get_absolute_url()).content.decode()
    assert ('id="group-activity"' in page) is reads
    assert (activity_url(group) in page) is reads
    if not reads:
        return
    html = response.content.decode()
    words = world["words"][which]
    for text in words.values():
        assert text in html
    assert "joined the group" in html
    assert "made the group" in html
    # Only what happened in this group.
    for text in world["words"]["public" if which == "private" else "private"].values():
        assert text not in html
    assert other.name not in html
    # The group page's section: its newest lines.
    section = page.split('id="group-activity"', 1)[1].split("</section>", 1)[0]
    assert words["reply"] in section and words["discussion"] in section


def test_a_member_who_leaves_a_private_group_loses_its_activity_at_once(world):
    private = world["private"]
    c = client(world, "group member")
    assert c.get(activity_url(private)).status_code == 200
    c.post(reverse("groups:leave", args=[private.slug]))
    assert c.get(activity_url(private)).status_code == 404
    assert 'id="group-activity"' not in c.get(private.get_absolute_url()).content.decode()


def test_a_hidden_group_s_activity_is_the_moderators_only(world):
    public, people = world["public"], world["people"]
    services.set_hidden(public, by=people["moderator"], hidden=True)
    assert Client().get(activity_url(public)).status_code == 404
    assert client(world, "group member").get(activity_url(public)).status_code == 404
    assert client(world, "moderator").get(activity_url(public)).status_code == 200


def test_no_line_the_viewer_may_not_see(world):
    public, people = world["public"], world["people"]
    outsider, member = people["outsider"], people["group member"]
    services.join(public, by=outsider)
    add_comment(public, outsider, "Words of someone blocked")
    block(by=member, other=outsider)
    assert "Words of someone blocked" not in (
        client(world, "group member").get(activity_url(public)).content.decode()
    )
    assert "Words of someone blocked" in Client().get(activity_url(public)).content.decode()

    # A comment hidden by a moderator leaves everyone's lines (moderators see it on the wall).
    comment = Comment.objects.get(body=world["words"]["public"]["wall"])
    set_hidden(comment, True, by=people["moderator"])
    for persona in ("visitor", "group admin", "moderator"):
        assert world["words"]["public"]["wall"] not in (
            client(world, persona).get(activity_url(public)).content.decode()
        )

    # A discussion hidden by a moderator: it and its replies are the moderators' only.
    discussion = Discussion.objects.get(title=world["words"]["public"]["discussion"])
    forum.set_hidden(discussion, True, by=people["moderator"])
    for persona in ("visitor", "group admin", "outsider"):  # not its starter, the group member
        html = client(world, persona).get(activity_url(public)).content.decode()
        assert world["words"]["public"]["discussion"] not in html
        assert world["words"]["public"]["reply"] not in html


def test_pages_of_the_activity(world):
    public, people = world["public"], world["people"]
    discussion = Discussion.objects.get(group=public)
    for i in range(25):  # on the wall and in a discussion by turns: a line each
        add_comment(public if i % 2 else discussion, people["group member"], f"Comment number {i}")
    c = client(world, "group admin")
    first = c.get(activity_url(public)).content.decode()
    assert "Comment number 24" in first and 'rel="next"' in first
    older = first.split('rel="next" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    second = c.get(activity_url(public) + older).content.decode()
    assert "made the group" in second and "Comment number 24" not in second
    bad = c.get(activity_url(public) + "?before=not-ours")
    assert bad.status_code == 400
    assert "Comment number 24" in bad.content.decode()


def grow(group: Group, admin: Member, start: int, n: int) -> None:
    """`n` more entries in the group: members joining, comments on its wall, discussions and
    replies in them."""
    discussion = Discussion.objects.filter(group=group).first()
    assert discussion is not None
    for i in range(start, start + n):
        if i % 4 == 0:
            joiner = make_member(f"Joiner {i}", f"joiner{i}@example.org")
            add(group, joiner)
        elif i % 4 == 1:
            add_comment(group, admin, f"More words {i}")
        elif i % 4 == 2:
            discussion = forum.start_discussion(
                by=admin, group=group, title=f"Discussion {i}", body="More."
            )
        else:
            add_comment(discussion, admin, f"More replies {i}")


@pytest.mark.parametrize("which", ["private", "public"])
def test_the_activity_costs_the_same_at_5_and_50_entries(
    network, member, other_member, which, monkeypatch
):
    monkeypatch.setattr(forum, "START_LIMIT", (0, 3600))
    group = make_group(member, "Counted", private=which == "private")
    add(group, other_member)
    what_happened(group, member, other_member, "counted")  # with its making and a join: 5
    viewers = {"member": client_for(other_member), "admin": client_for(member)}
    if which == "public":
        viewers["visitor"] = Client()
    urls = [activity_url(group), group.get_absolute_url()]
    assert Entry.objects.filter(place_id=group.pk).count() == 5
    small = {(name, url): page_queries(c, url) for name, c in viewers.items() for url in urls}
    grow(group, member, 5, 45)
    assert Entry.objects.filter(place_id=group.pk).count() == 50
    large = {(name, url): page_queries(c, url) for name, c in viewers.items() for url in urls}
    assert small == large


@pytest.mark.parametrize("seconds", [300, 0])
def test_a_new_wall_comment_shows_at_the_next_request(world, settings, seconds):
    settings.PAGE_CACHE_SECONDS = seconds
    public, private = world["public"], world["private"]
    visitor, member = Client(), client(world, "group member")
    for c, group in ((visitor, public), (member, public), (member, private)):
        for url in (activity_url(group), group.get_absolute_url()):
            c.get(url)
            c.get(url)  # served from the cache where it may be
    if seconds:
        assert visitor.get(activity_url(public))["X-Cache"] == "hit"
    author = client(world, "group admin")
    for group in (public, private):
        url = reverse("comments:create", kwargs={"kind": "group", "pk": group.pk})
        response = author.post(url, {"body": f"Fresh news in {group.name}"})
        assert response.status_code in (200, 302)
    for c, group in ((visitor, public), (member, public), (member, private)):
        html = c.get(activity_url(group)).content.decode()
        assert f"Fresh news in {group.name}" in html
        page = c.get(group.get_absolute_url()).content.decode()
        section = page.split('id="group-activity"', 1)[1].split("</section>", 1)[0]
        assert f"Fresh news in {group.name}" in section


def test_a_renamed_group_is_renamed_in_its_activity(world):
    public = world["public"]
    visitor = Client()
    visitor.get(activity_url(public))
    services.update_group(
        Group.objects.get(pk=public.pk),
        by=world["people"]["group admin"],
        name="Open Circle Renamed",
        description="",
        joining=public.joining,
    )
    assert "Open Circle Renamed" in visitor.get(activity_url(public)).content.decode()


def test_entries_written_before_places_find_their_group(world):
    """groups 0002: the entries on a group (its making, joins, wall comments) get it as
    their place."""
    from importlib import import_module

    migration = import_module("groups.migrations.0002_activity_places")
    public = world["public"]
    on_group = Entry.objects.filter(on_id=public.pk, on_type__model="group")
    expected = on_group.count()
    assert expected >= 3  # made, joined, a wall comment
    Entry.objects.update(place_type=None, place_id=None)
    migration.place_group_entries(apps, None)
    assert Entry.objects.filter(place_id=public.pk, place_type__model="group").count() == expected
