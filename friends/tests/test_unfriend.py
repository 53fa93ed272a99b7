"""Unfriending asks first, then ends the friendship for both."""

import pytest
from django.urls import reverse

from conftest import client_for
from friends import services
from friends.queries import are_friends

pytestmark = pytest.mark.django_db


@pytest.fixture
def friends(member, other_member):
    services.send_request(by=member, to=other_member)
    services.accept(by=other_member, sender=member)


def test_the_page_asks_then_unfriends(friends, member, other_member):
    me = client_for(member)
    address = reverse("friends:unfriend", args=[other_member.handle])
    page = me.get(address + "?next=/friends/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Unfriend <bdi>Charlotte Reyes</bdi>?" in html
    assert 'name="next" value="/friends/"' in html
    assert are_friends(member, other_member)

    response = me.post(address, {"next": "/friends/"})
    assert response.status_code == 302 and response["Location"] == "/friends/"
    assert not are_friends(member, other_member)
    assert "You and Charlotte Reyes are no longer friends." in me.get("/friends/").content.decode()


def test_the_page_for_someone_who_is_not_a_friend_says_so(member, other_member):
    page = client_for(member).get(reverse("friends:unfriend", args=[other_member.handle]))
    assert page.status_code == 200
    assert "are not friends" in page.content.decode()
    assert b'<form method="post" class="form-actions">' not in page.content


def test_unfriending_oneself_is_refused(member):
    response = client_for(member).get(reverse("friends:unfriend", args=[member.handle]))
    assert response.status_code == 400
