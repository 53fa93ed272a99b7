"""With groups switched off (features), a group's discussions go with the groups: their
pages and files answer 404 at /forum/, and no forum list, feed or section shows them; the
forum's own discussions stay. Switched on again, they are back."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for
from features.registry import KEYS
from features.services import set_features
from forum import services
from forum.tests.helpers import make_category
from groups.models import Group
from groups.tests.helpers import add, make_group

pytestmark = pytest.mark.django_db

IN_GROUP = "Picnic by the river"
IN_FORUM = "Open forum question"


@pytest.fixture
def world(network, member, other_member):
    public = make_group(member, "Open Circle")
    add(public, other_member)
    picnic = services.start_discussion(by=other_member, group=public, title=IN_GROUP, body="Hi")
    forum = services.start_discussion(
        by=member, category=make_category(network.creator), title=IN_FORUM, body="Anyone?"
    )
    return {"group": public, "picnic": picnic, "forum": forum}


def lists(client: Client, member_url: str) -> str:
    urls = [
        reverse(name)
        for name in ("forum:latest", "forum:feed_rss", "forum:feed_atom", "network:home")
    ]
    return "".join(client.get(url).content.decode() for url in [*urls, member_url])


def test_a_groups_discussions_vanish_from_the_forum_while_groups_are_off(
    world, network, member, other_member, creator
):
    picnic, group = world["picnic"], world["group"]
    readers = [Client(), client_for(other_member), client_for(member), client_for(creator)]
    member_page = other_member.get_absolute_url()
    for who in readers:  # before: there, and cached
        assert who.get(picnic.get_absolute_url()).status_code == 200
        assert IN_GROUP in lists(who, member_page)

    set_features(network, [k for k in KEYS if k != "groups"], by=creator)

    for who in readers:
        assert who.get(picnic.get_absolute_url()).status_code == 404
        assert who.get(reverse("forum:group", args=[group.slug])).status_code == 404
        seen = lists(who, member_page)
        assert IN_GROUP not in seen
        assert IN_FORUM in seen
        assert who.get(world["forum"].get_absolute_url()).status_code == 200
    mine = client_for(other_member).get(reverse("forum:mine")).content.decode()
    assert IN_GROUP not in mine
    started = client_for(other_member).get(reverse("forum:group_start", args=[group.slug]))
    assert started.status_code == 404

    set_features(network, KEYS, by=creator)
    assert Client().get(picnic.get_absolute_url()).status_code == 200
    assert IN_GROUP in lists(Client(), member_page)


def test_group_discussions_are_not_startable_while_groups_are_off(world, network, creator):
    from forum.permissions import can_start_discussion

    group = Group.objects.get(pk=world["group"].pk)
    set_features(network, [k for k in KEYS if k != "groups"], by=creator)
    assert not can_start_discussion(creator, group)
