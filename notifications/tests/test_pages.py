"""The bell, the list, marking read (plain and htmx), opening one, the settings page and the
mentions' autocomplete."""

import pytest
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member, make_post
from friends import services as friends
from notifications import queries
from notifications.kinds import Delivery
from notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture
def commented(member, other_member):
    """Two comments of other_member's on member's post: two unread notifications."""
    post = make_post(member, "Reunion in Lahore")
    add_comment(post, other_member, "First <b>comment</b>")
    add_comment(post, other_member, "Second comment")
    return post


def test_the_bell_shows_the_unread_count_on_every_page(member, commented):
    client = client_for(member)
    html = client.get("/").content.decode()
    assert 'id="notification-bell"' in html
    assert '<span class="badge" aria-hidden="true">2</span>' in html
    assert "Notifications: 2 unread" in html


def test_visitors_have_no_bell(visitor, commented):
    assert "notification-bell" not in visitor.get("/").content.decode()


def test_the_list_shows_newest_first_with_the_unread_marked(member, commented):
    Notification.objects.filter(excerpt="First <b>comment</b>").update(read_at="2026-01-01T00:00Z")
    response = client_for(member).get(reverse("notifications:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Second comment") < html.index("First &lt;b&gt;comment&lt;/b&gt;")
    assert html.count('class="notification-row unread"') == 1
    assert (
        "<bdi>Charlotte Reyes</bdi> commented on your post “<bdi>Reunion in Lahore</bdi>”" in html
    )
    assert reverse("notifications:settings") in html


def test_the_list_is_paginated(member, other_member):
    post = make_post(member)
    for i in range(35):
        add_comment(post, make_member(f"M {i}", f"m{i}@example.org"), f"Comment {i}")
    client = client_for(member)
    first = client.get(reverse("notifications:list")).content.decode()
    assert first.count("notification-row") == 30
    assert "Page 1 of 2" in first
    second = client.get(reverse("notifications:list") + "?page=2").content.decode()
    assert second.count("notification-row") == 5
    # A page that does not exist shows the last one.
    assert client.get(reverse("notifications:list") + "?page=x").status_code == 200


def test_marking_one_read_without_javascript(member, commented):
    client = client_for(member)
    notification = Notification.objects.filter(recipient=member).first()
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]), {"next": "/notifications/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/notifications/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert queries.unread_count(member) == 1


def test_marking_one_read_with_htmx_answers_the_row_and_the_bell(member, commented):
    client = client_for(member)
    notification = Notification.objects.filter(recipient=member).first()
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="notification-{notification.pk}"' in html
    assert "unread" not in html.split("notification-bell")[0]
    assert 'hx-swap-oob="true"' in html
    assert '<span class="badge" aria-hidden="true">1</span>' in html


def test_marking_all_read(member, commented):
    client = client_for(member)
    response = client.post(reverse("notifications:mark_all_read"))
    assert response.status_code == 302
    assert queries.unread_count(member) == 0
    html = client.get(response["Location"]).content.decode()
    assert "All your notifications are marked read." in html
    assert "notification-row unread" not in html


def test_marking_all_read_with_htmx(member, commented):
    response = client_for(member).post(
        reverse("notifications:mark_all_read"), {"page": "1"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'id="notification-list"' in html
    assert "notification-row unread" not in html
    assert 'id="notification-bell" href="/notifications/" hx-swap-oob="true">' in html


def test_opening_one_marks_it_read_and_goes_to_it(member, commented):
    notification = Notification.objects.filter(recipient=member).first()
    response = client_for(member).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == notification.url
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_members_notification_is_not_found(member, other_member, commented):
    notification = Notification.objects.filter(recipient=member).first()
    client = client_for(other_member)
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    assert (
        client.post(reverse("notifications:mark_read", args=[notification.pk])).status_code == 404
    )
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_settings_page_saves_each_choice(member):
    client = client_for(member)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Comments on my posts" in page
    assert "Likes of my posts and comments" in page
    response = client.post(
        reverse("notifications:settings"),
        {"comment": "daily", "like": "off", "friend-request": "page"},
    )
    assert response.status_code == 302
    assert queries.deliveries(member)["comment"] == Delivery.DAILY
    assert queries.deliveries(member)["like"] == Delivery.OFF
    # Choosing the default again leaves no row.
    client.post(reverse("notifications:settings"), {"comment": "email"})
    assert not Preference.objects.filter(member=member, kind="comment").exists()


def test_a_wrong_choice_is_refused_and_the_rest_kept(member):
    response = client_for(member).post(
        reverse("notifications:settings"), {"comment": "carrier-pigeon", "like": "off"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert '<option value="off" selected>' in html
    assert not Preference.objects.exists()


def test_mentions_autocomplete_offers_members_by_handle_or_name(member, other_member):
    make_member("Charles Darwin", "darwin@example.org")
    blocker = make_member("Charlie Blocker", "cb@example.org")
    friends.block(by=blocker, other=member)
    client = client_for(member)
    found = client.get(reverse("notifications:mentions"), {"q": "@char"}).json()["members"]
    assert [m["name"] for m in found] == ["Charles Darwin", "Charlotte Reyes"]
    assert found[1]["handle"] == other_member.handle
    assert client.get(reverse("notifications:mentions"), {"q": ""}).json() == {"members": []}
    long = client.get(reverse("notifications:mentions"), {"q": "x" * 5000})
    assert long.status_code == 200
