"""A private group's content is its members' (and the network administrators') only: its page
shows others its name, icon, description and join box; its wall, member list and activity are
nowhere else to be seen. Each persona, including a member who left and one who was removed."""

import pytest
from django.test import Client
from django.urls import reverse

from activity.models import Entry
from comments.services import add_comment
from conftest import client_for
from groups import permissions, queries, services
from groups.models import Group
from members.models import Member

from .helpers import add, make_group, people_around

pytestmark = pytest.mark.django_db

WALL_TEXT = "Our secret reunion plans"


@pytest.fixture
def world(network, member, other_member):
    """`member` runs a private group by request with `other_member` in it and a comment on its
    wall; plus a public group; and people around them."""
    private = make_group(member, "Old Boys", private=True, joining=Group.Joining.REQUEST)
    add(private, other_member)
    add_comment(private, other_member, WALL_TEXT)
    public = make_group(member, "Open Circle")
    people = people_around(network, member, other_member)
    add(private, people["left"], people["removed"], people["suspended"])
    services.leave(private, by=people["left"])
    services.remove_member(private, people["removed"], by=member)
    services.invite(private, people["invited"], by=member)
    private.joining = Group.Joining.REQUEST
    services.ask_to_join(private, by=people["requester"])
    Member.objects.filter(pk=people["suspended"].pk).update(is_active=False)
    private.refresh_from_db()
    return private, public, people


READERS = {"group admin", "group member", "administrator", "creator"}
ALL = [
    "visitor", "group admin", "group member", "left", "removed", "invited", "requester",
    "suspended", "outsider", "moderator", "administrator", "creator",
]  # fmt: skip


def client(people, persona) -> Client:
    return Client() if persona == "visitor" else client_for(people[persona])


@pytest.mark.parametrize("persona", ALL)
def test_the_private_group_per_persona(world, persona):
    private, public, people = world
    c = client(people, persona)
    reads = persona in READERS

    page = c.get(private.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Old Boys" in html and "2005" in html  # name and description: everyone
    assert (WALL_TEXT in html) is reads
    members_page = c.get(reverse("groups:members", args=[private.slug]))
    assert members_page.status_code == (200 if reads else 404)

    listed = c.get(reverse("groups:index")).content.decode()
    assert ("Old Boys" in listed) is reads
    assert "Open Circle" in listed
    searched = c.get(reverse("groups:index") + "?q=boys").content.decode()
    assert ("Old Boys" in searched) is reads

    stream = c.get(reverse("activity:everyone")).content.decode()
    assert (WALL_TEXT in stream) is reads
    user = people.get(persona)
    viewer = Member.objects.get(pk=user.pk) if user is not None else None
    assert permissions.can_view_group_content(viewer, private) is reads
    readable = set(Group.objects.filter(pk__in=queries.readable_group_ids(viewer)))
    assert readable == ({private, public} if reads else {public})
    assert (private in Group.objects.visible_to(viewer)) is reads


def test_the_join_box_fits_the_viewer(world):
    private, _public, people = world
    assert (
        "Accept the invitation"
        in client(people, "invited").get(private.get_absolute_url()).content.decode()
    )
    assert (
        "Withdraw my request"
        in client(people, "requester").get(private.get_absolute_url()).content.decode()
    )
    assert (
        "Ask to join" in client(people, "outsider").get(private.get_absolute_url()).content.decode()
    )
    assert "Sign in" in Client().get(private.get_absolute_url()).content.decode()


def test_only_members_write_on_the_wall(world):
    private, public, people = world
    url = reverse("comments:create", kwargs={"kind": "group", "pk": public.pk})
    outsider = client(people, "outsider")
    assert outsider.post(url, {"body": "Hello from outside"}).status_code in (403, 404)
    assert "Hello from outside" not in outsider.get(public.get_absolute_url()).content.decode()
    services.join(public, by=people["outsider"])
    outsider.post(url, {"body": "Hello from inside"})
    assert "Hello from inside" in outsider.get(public.get_absolute_url()).content.decode()
    private_url = reverse("comments:create", kwargs={"kind": "group", "pk": private.pk})
    assert outsider.post(private_url, {"body": "Let me in"}).status_code in (403, 404)


def test_a_member_who_leaves_loses_access_at_once(world):
    private, _public, people = world
    c = client(people, "group member")
    assert WALL_TEXT in c.get(private.get_absolute_url()).content.decode()
    c.post(reverse("groups:leave", args=[private.slug]))
    assert WALL_TEXT not in c.get(private.get_absolute_url()).content.decode()
    assert c.get(reverse("groups:members", args=[private.slug])).status_code == 404


def test_private_activity_is_written_but_shown_only_to_readers(world):
    _private, _public, people = world
    joined = Entry.objects.filter(kind=services.JOINED)
    assert joined.exists()
    html = client(people, "outsider").get(reverse("activity:everyone")).content.decode()
    assert "made the group" in html and "Open Circle" in html  # the public group's
    assert "Old Boys" not in html
    html = client(people, "group member").get(reverse("activity:everyone")).content.decode()
    assert "Old Boys" in html


def test_a_private_groups_member_section_is_not_on_member_pages(world):
    _private, _public, people = world
    html = Client().get(people["group admin"].get_absolute_url()).content.decode()
    assert "Open Circle" in html
    assert "Old Boys" not in html


def test_a_private_group_page_is_never_cached_for_visitors(world):
    private, public, _people = world
    first = Client().get(private.get_absolute_url())
    assert "X-Cache" not in first
    assert Client().get(public.get_absolute_url()).get("X-Cache") == "miss"
    assert Client().get(public.get_absolute_url()).get("X-Cache") == "hit"


def test_a_visitors_cached_group_page_changes_when_someone_joins(world, settings):
    _private, public, people = world
    visitor = Client()
    assert "1 member" in visitor.get(public.get_absolute_url()).content.decode()
    assert visitor.get(public.get_absolute_url())["X-Cache"] == "hit"
    listed = visitor.get(reverse("groups:index"))
    assert visitor.get(reverse("groups:index"))["X-Cache"] == "hit"
    assert listed.status_code == 200
    client(people, "outsider").post(reverse("groups:join", args=[public.slug]))
    response = visitor.get(public.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "2 members" in response.content.decode()
    assert "2 members" in visitor.get(reverse("groups:index")).content.decode()
    members_page = visitor.get(reverse("groups:members", args=[public.slug])).content.decode()
    assert "Omar Outsider" in members_page


def test_notifications_of_a_group_go_to_its_people_only(world):
    from notifications.models import Notification

    private, _public, people = world
    assert Notification.objects.filter(
        recipient=people["group admin"], kind="group_request"
    ).exists()
    assert Notification.objects.filter(recipient=people["invited"], kind="group_invited").exists()
    assert not Notification.objects.filter(
        kind__startswith="group_", recipient=people["outsider"]
    ).exists()
    services.delete_group(private, by=people["group admin"])
    assert not Notification.objects.filter(kind__startswith="group_").exists()


def test_a_join_refreshes_the_joiners_page_and_not_other_members_pages(world):
    _private, public, people = world
    visitor = Client()
    joiner, admin = people["outsider"], people["group admin"]
    for who in (joiner, admin):
        visitor.get(who.get_absolute_url())
        assert visitor.get(who.get_absolute_url())["X-Cache"] == "hit"
    services.join(public, by=joiner)
    response = visitor.get(joiner.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "Open Circle" in response.content.decode()
    assert visitor.get(admin.get_absolute_url())["X-Cache"] == "hit"


def test_wall_notifications_reach_only_those_who_may_read_the_wall(world):
    from notifications.models import Notification

    private, _public, people = world
    outsider, member = people["outsider"], people["group member"]
    services.leave(private, by=member)  # had commented on the wall: told of no more comments
    before = set(Notification.objects.values_list("pk", flat=True))
    add_comment(private, people["group admin"], f"Welcome back, @{outsider.handle}!")
    told = Notification.objects.filter(recipient__in=[outsider, member]).exclude(pk__in=before)
    assert not told.exists()
    # While in it, the member was told of a comment after theirs.
    services.invite(private, member, by=people["group admin"])
    services.accept_invitation(private, by=member)
    add_comment(private, people["group admin"], "Glad you are back.")
    fresh = Notification.objects.filter(recipient=member).exclude(pk__in=before)
    assert fresh.exclude(kind__startswith="group_").exists()
