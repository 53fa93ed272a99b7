"""/friends/, a member's friends, and the friends section of the member page."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member
from friends import services
from friends.tests.helpers import befriend, friends_for
from friends.views import FRIENDS_PER_PAGE

pytestmark = pytest.mark.django_db


def test_my_page_lists_requests_received_and_sent_and_friends(member, other_member):
    asker = make_member("Asma Asker", "asma@example.org")
    asked = make_member("Omar Asked", "omar@example.org")
    services.send_request(by=asker, to=member)
    services.send_request(by=member, to=asked)
    befriend(member, other_member)

    html = client_for(member).get(reverse("friends:mine")).content.decode()
    received, rest = html.split('id="sent"')
    sent, friends = rest.split('id="friends"')
    assert "Asma Asker" in received and "Accept" in received and "Decline" in received
    assert "Omar Asked" in sent and "Cancel request" in sent
    assert "Your friends (1)" in friends and "Charlotte Reyes" in friends and "Unfriend" in friends


def test_visitors_are_sent_to_sign_in(network):
    response = Client().get(reverse("friends:mine"))
    assert response.status_code == 302 and response["Location"].startswith("/signin/")


def test_a_members_friends_are_paginated_by_name(member):
    friends_for(member, FRIENDS_PER_PAGE + 2)
    address = reverse("friends:of_member", args=[member.handle])
    first = Client().get(address).content.decode()
    assert f"<bdi>Bilal Ahmed</bdi>'s Friends ({FRIENDS_PER_PAGE + 2})" in first
    assert "Friend 000" in first and f"Friend {FRIENDS_PER_PAGE - 1:03d}" in first
    assert f"Friend {FRIENDS_PER_PAGE:03d}" not in first
    second = Client().get(address + "?page=2").content.decode()
    assert f"Friend {FRIENDS_PER_PAGE:03d}" in second and "Friend 000" not in second
    assert "Page 2 of 2" in second


def test_my_friends_are_paginated_too(member):
    friends_for(member, FRIENDS_PER_PAGE + 1)
    page = client_for(member).get(reverse("friends:mine") + "?page=2").content.decode()
    assert f"Friend {FRIENDS_PER_PAGE:03d}" in page and "Friend 000" not in page


def test_a_signed_in_viewer_sees_friends_in_common(member, other_member):
    common = friends_for(member, 3)
    for friend in common[:2]:
        befriend(friend, other_member)
    html = client_for(other_member).get(reverse("friends:of_member", args=[member.handle]))
    text = html.content.decode()
    assert "2 friends in common with you" in text
    assert text.count("Your friend too") == 2
    # Visitors do not.
    assert (
        "in common"
        not in Client().get(reverse("friends:of_member", args=[member.handle])).content.decode()
    )
    # Nor on the member page section.
    profile = client_for(other_member).get(member.get_absolute_url()).content.decode()
    assert "2 friends in common" in profile


def test_suspended_friends_are_not_listed(member):
    [gone, _stays] = friends_for(member, 2)
    gone.is_active = False
    gone.save()
    html = Client().get(reverse("friends:of_member", args=[member.handle])).content.decode()
    assert "Friend 001" in html and "Friend 000" not in html


def test_the_member_page_shows_the_count_avatars_and_the_right_button(member, other_member):
    friends_for(member, 8)
    visitor_html = Client().get(member.get_absolute_url()).content.decode()
    section = visitor_html.split('<section class="friends"')[1].split("</section>")[0]
    assert "Friends <small>(8)</small>" in section
    assert section.count('class="avatar"') == 6
    assert reverse("friends:of_member", args=[member.handle]) in section

    def buttons(viewer):
        html = client_for(viewer).get(member.get_absolute_url()).content.decode()
        return html.split('class="friend-actions')[1].split("</div>")[0]

    assert "Add as friend" in buttons(other_member)
    services.send_request(by=other_member, to=member)
    assert "Cancel request" in buttons(other_member)
    assert "Accept" in client_for(member).get(other_member.get_absolute_url()).content.decode()
    services.accept(by=member, sender=other_member)
    assert "Unfriend" in buttons(other_member)
    assert "Block" in buttons(other_member)
    assert "Your friends and requests" in buttons(member)  # their own page


def test_unknown_member_is_404(network):
    assert Client().get("/members/nobody/friends/").status_code == 404
