"""Joining a network that approves members: the request waits, administrators approve or
decline it, the person hears either way."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from access import services
from conftest import body_of, client_for, join_data, make_member, make_post, page_queries
from lib import events
from members.models import ActionLog, Member
from members.permissions import is_member
from members.services import confirmation_token
from network.models import Network

pytestmark = pytest.mark.django_db


@pytest.fixture
def approving(network: Network) -> Network:
    network.join_mode = Network.JoinMode.APPROVAL
    network.save()
    from lib.cachetags import invalidate

    invalidate("network")
    return network


def _join_and_confirm(client: Client) -> Member:
    response = client.post(reverse("members:join"), join_data())
    assert response.status_code == 302
    farah = Member.objects.get(email="farah@example.org")
    client.get(reverse("members:confirm", args=[confirmation_token(farah, "/")]))
    farah.refresh_from_db()
    return farah


def test_the_join_page_says_an_administrator_approves(approving, visitor) -> None:
    page = visitor.get(reverse("members:join")).content.decode()
    assert "An administrator of" in page and "approves each new member" in page


def test_a_pending_member_sees_the_waiting_page_everywhere(approving, visitor, member) -> None:
    asked: list[events.Event] = []
    events.subscribe(services.ASKED_TO_JOIN, asked.append)
    try:
        farah = _join_and_confirm(visitor)
    finally:
        events.unsubscribe(services.ASKED_TO_JOIN, asked.append)
    assert farah.awaiting_approval and farah.email_confirmed
    assert not is_member(farah)
    # The administrators are told (the event's handlers: notifications).
    assert [e.actor.pk for e in asked] == [farah.pk]

    post = make_post(member, "Reunion in Lahore")
    for url in ("/", post.get_absolute_url(), "/members/", reverse("blogs:create")):
        response = visitor.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Your request to join" in page and "waiting for an administrator" in page, url
        assert "Reunion in Lahore" not in page
    # Not content for a feed reader either.
    assert visitor.get("/blog/feed/rss/").status_code == 403
    # They may still sign out.
    assert visitor.post(reverse("members:signout")).status_code == 302
    assert visitor.get("/").status_code == 200


def test_nobody_is_announced_as_joined_while_waiting(approving, visitor) -> None:
    joined: list[events.Event] = []
    events.subscribe("members.joined", joined.append)
    try:
        farah = _join_and_confirm(visitor)
        assert joined == []
        services.approve_member(
            farah, by=approving.creator, network=approving, base_url="http://testserver"
        )
    finally:
        events.unsubscribe("members.joined", joined.append)
    assert [e.actor.pk for e in joined] == [farah.pk]


def test_an_administrator_approves_and_the_member_is_emailed(
    approving, visitor, admin_member, smtp, django_capture_on_commit_callbacks
) -> None:
    farah = _join_and_confirm(visitor)
    admin = client_for(admin_member)
    pending_page = admin.get(reverse("access:pending")).content.decode()
    assert "Farah Naz" in pending_page
    # The manage navigation shows how many wait.
    assert "Waiting for approval (1)" in admin.get(reverse("access:settings")).content.decode()

    url = reverse("access:approve", args=[farah.pk])
    confirm_page = admin.get(url)
    assert "Let" in confirm_page.content.decode() and "in?" in confirm_page.content.decode()
    farah.refresh_from_db()
    assert farah.awaiting_approval  # a GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(url).status_code == 302

    farah.refresh_from_db()
    assert not farah.awaiting_approval and is_member(farah)
    [message] = smtp.wait_for("farah@example.org")
    assert "Welcome to Riverbend Alumni" in message["Subject"]
    assert "approved your request" in body_of(message)
    log = ActionLog.objects.get(action="approve-member")
    assert log.actor == admin_member and log.target_label == "Farah Naz"
    # In they come.
    assert "Your request to join" not in visitor.get("/").content.decode()
    assert visitor.get(reverse("members:edit_profile")).status_code == 200


def test_declining_removes_the_account_and_tells_them(
    approving, visitor, creator, smtp, django_capture_on_commit_callbacks
) -> None:
    farah = _join_and_confirm(visitor)
    url = reverse("access:decline", args=[farah.pk])
    client = client_for(creator)
    assert "cannot be undone" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Member.objects.filter(email="farah@example.org").exists()
    messages = smtp.wait_for("farah@example.org")
    assert "declined your request" in body_of(messages[-1])
    assert ActionLog.objects.filter(action="decline-member", target_label="Farah Naz").exists()
    # Their session is gone with them.
    assert "Your request" not in visitor.get("/").content.decode()


def test_only_pending_members_can_be_approved_or_declined(approving, creator, member) -> None:
    client = client_for(creator)
    assert client.get(reverse("access:approve", args=[member.pk])).status_code == 404
    assert client.post(reverse("access:decline", args=[member.pk])).status_code == 404
    assert Member.objects.filter(pk=member.pk).exists()


def test_members_and_moderators_cannot_see_who_waits(approving, member) -> None:
    moderator = make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)
    for who in (member, moderator):
        assert client_for(who).get(reverse("access:pending")).status_code == 403


def test_the_pending_list_is_paginated_and_costs_the_same_at_5_and_50(
    approving, admin_member, settings
) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    client = client_for(admin_member)

    def add(count: int, start: int) -> None:
        for i in range(start, start + count):
            make_member(f"Waiting {i}", f"waiting{i}@example.org", awaiting_approval=True)

    add(5, 0)
    few = page_queries(client, reverse("access:pending"))
    add(45, 5)
    many = page_queries(client, reverse("access:pending"))
    assert few == many
    page = client.get(reverse("access:pending")).content.decode()
    assert len(re.findall('class="pending-member"', page)) == 30
    assert "Page 1 of 2" in page
    second = client.get(reverse("access:pending") + "?page=2").content.decode()
    assert len(re.findall('class="pending-member"', second)) == 20


def test_on_a_private_network_too_they_see_the_waiting_page(approving, visitor, creator) -> None:
    farah = _join_and_confirm(visitor)
    approving.visibility = Network.Visibility.PRIVATE
    services.update_access_settings(approving, ["visibility"], by=creator)
    response = visitor.get("/members/")
    assert response.status_code == 200
    assert "waiting for an administrator" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    services.approve_member(farah, by=creator, network=approving, base_url="http://testserver")
    assert "Farah Naz" in visitor.get("/members/").content.decode()


def test_administrators_hear_of_people_asking_to_join_in_one_line(
    approving, admin_member, member
) -> None:
    from notifications.models import Notification

    first = _join_and_confirm(Client())
    second = Client()
    second.post(reverse("members:join"), join_data(email="zoya@example.org", display_name="Zoya"))
    zoya = Member.objects.get(email="zoya@example.org")
    second.get(reverse("members:confirm", args=[confirmation_token(zoya, "/")]))
    for admin in (admin_member, approving.creator):
        [note] = Notification.objects.filter(recipient=admin, kind="asked-to-join")
        assert note.actor_count == 2 and note.url == reverse("access:pending")
    assert not Notification.objects.filter(recipient=member, kind="asked-to-join").exists()
    # The bell's page names them.
    page = client_for(admin_member).get(reverse("notifications:list")).content.decode()
    assert "Zoya" in page and "1 other ask to join the network" in page
    # Waiting, they are on no list: the directory and their profile stay closed.
    directory = client_for(member).get("/members/").content.decode()
    assert first.display_name not in directory
    assert client_for(member).get(f"/members/{first.handle}/").status_code == 404


def test_only_administrators_choose_how_they_hear_of_people_asking(admin_member, member) -> None:
    url = reverse("notifications:settings")
    assert "People asking to join" in client_for(admin_member).get(url).content.decode()
    page = client_for(member).get(url).content.decode()
    assert "People asking to join" not in page
    assert "Reports of content and members" not in page
