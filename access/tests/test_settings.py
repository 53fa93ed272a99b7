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


def test_a_new_members_posts_with_links_wait_when_the_network_holds_them(
    network, creator, member
) -> None:
    import datetime as dt

    from django.utils import timezone

    from blogs.models import Post
    from conftest import make_member, make_post

    data = {"visibility": "public", "join_mode": "open", "hold_links": "on"}
    assert client_for(creator).post(URL, data).status_code == 302
    assert Network.objects.get().hold_new_members_links
    newcomer = make_member("Nadir New", "nadir@example.org")
    held = make_post(newcomer, "Cheap watches", body="Buy at [our shop](https://spam.example).")
    plain = make_post(newcomer, "Hello everyone", body="Glad to be here.")
    # A member of longer standing posts links as before.
    member.date_joined = timezone.now() - dt.timedelta(days=30)
    member.save()
    old_hand = make_post(member, "Reading list", body="See https://example.org/books")
    statuses = {p.title: p.status for p in Post.objects.all()}
    assert statuses == {
        held.title: Post.Status.PENDING,
        plain.title: Post.Status.PUBLISHED,
        old_hand.title: Post.Status.PUBLISHED,
    }


def test_the_creator_chooses_which_features_wait_for_approval(network, creator, member) -> None:
    from conftest import make_post
    from events.tests.helpers import make_event

    client = client_for(creator)
    page = client.get(URL).content.decode()
    for name in ("posts_wait", "discussions_wait", "comments_wait", "photos_wait", "events_wait"):
        assert f'name="{name}"' in page
    data = {"visibility": "public", "join_mode": "open", "comments_wait": "on", "events_wait": "on"}
    assert client.post(URL, data).status_code == 302
    assert Network.objects.get().approval_required == ["comments", "events"]
    assert re.search(r'name="comments_wait"[^>]*checked', client.get(URL).content.decode())
    assert make_event(member, "Picnic").is_pending
    assert make_post(member, "Published at once").is_published
    client.post(URL, {"visibility": "public", "join_mode": "open", "posts_wait": "on"})
    assert Network.objects.get().approval_required == ["blogs"]
