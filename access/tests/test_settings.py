"""/manage/access/: administrators choose who sees the network and how people join."""

import re

import pytest
from django.urls import reverse

from conftest import client_for
from members.models import ActionLog
from network.models import Network

pytestmark = pytest.mark.django_db

URL = "/manage/access/"


def test_the_creator_makes_the_network_private_and_it_is_logged(network, creator) -> None:
    client = client_for(creator)
    page = client.get(URL).content.decode()
    assert "Private: only members see anything" in page
    response = client.post(
        URL, {"visibility": "private", "join_mode": "approval", "members_may_invite": "on"}
    )
    assert response.status_code == 302
    network = Network.objects.get()
    assert network.visibility == "private"
    assert network.join_mode == "approval"
    assert network.members_may_invite
    log = ActionLog.objects.get(action="access-settings")
    assert log.actor == creator
    assert "visibility: private" in log.reason and "join_mode: approval" in log.reason
    # Saving without a change logs nothing more.
    client.post(URL, {"visibility": "private", "join_mode": "approval", "members_may_invite": "on"})
    assert ActionLog.objects.filter(action="access-settings").count() == 1


def test_administrators_manage_it_too_and_find_it_in_the_manage_navigation(admin_member) -> None:
    client = client_for(admin_member)
    assert client.get(URL).status_code == 200
    assert f'<a href="{URL}">Privacy and joining</a>' in client.get("/manage/").content.decode()


def test_others_may_not(member, visitor) -> None:
    assert client_for(member).get(URL).status_code == 403
    assert client_for(member).post(URL, {"visibility": "private"}).status_code == 403
    assert visitor.get(URL).url.startswith(reverse("members:signin"))
    assert Network.objects.get().visibility == "public"


def test_a_wrong_value_is_a_form_error_keeping_the_rest(network, creator) -> None:
    response = client_for(creator).post(URL, {"visibility": "secret", "join_mode": "invitation"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert re.search(r'value="invitation"[^>]*checked', page)
    assert Network.objects.get().join_mode == "open"


def test_the_creator_makes_members_posts_wait_for_approval(network, creator, member) -> None:
    from blogs.models import Post
    from conftest import make_post

    client = client_for(creator)
    assert "wait for a moderator" in client.get(URL).content.decode()
    data = {"visibility": "public", "join_mode": "open", "posts_wait": "on"}
    assert client.post(URL, data).status_code == 302
    assert Network.objects.get().approval_required == ["blogs"]
    assert "approval_required" in ActionLog.objects.get(action="access-settings").reason
    # A member's post now waits; the home page does not show it.
    post = make_post(member, "Waiting for a moderator")
    post.refresh_from_db()
    assert post.status == Post.Status.PENDING
    assert "Waiting for a moderator" not in client_for(member).get("/blog/").content.decode()
    # Unticked: posts are published again as they are written.
    client.post(URL, {"visibility": "public", "join_mode": "open"})
    assert Network.objects.get().approval_required == []
