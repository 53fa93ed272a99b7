"""Notifications about a feature the network switched off (features: Network.features_off)
leave the bell's list and its unread count, and are not emailed (at once or in a digest),
while it is off; once it is on again they are back."""

import datetime as dt
from email.header import decode_header, make_header

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_post
from events.tests.helpers import make_event
from features.registry import KEYS
from features.services import set_features
from notifications import digests, queries
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.services import About, notify

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")


def tell_of_event(event, recipient, actor) -> None:
    notify(
        "event-invitation",
        [recipient],
        actor=actor,
        about=About(target=event, url=event.get_absolute_url(), title=event.title),
    )


def tell_of_post(post, recipient, actor) -> None:
    notify(
        "like",
        [recipient],
        actor=actor,
        about=About(target=post, url=post.get_absolute_url(), title=post.title),
    )


def bell(client: Client) -> str:
    html: str = client.get(LIST).content.decode()
    return html


def test_a_switched_off_features_notifications_leave_the_bell_and_its_count(
    network, member, other_member, creator
):
    event = make_event(other_member, "Alumni dinner")
    post = make_post(member, title="My reunion story")
    tell_of_event(event, member, other_member)
    tell_of_post(post, member, other_member)
    client = client_for(member)
    assert queries.unread_count(member) == 2
    assert "Alumni dinner" in bell(client) and "My reunion story" in bell(client)

    set_features(network, [k for k in KEYS if k != "events"], by=creator)
    assert queries.unread_count(member) == 1
    page = bell(client)
    assert "Alumni dinner" not in page and "My reunion story" in page
    home = client.get(reverse("network:home")).content.decode()
    assert 'class="badge" aria-hidden="true">1<' in home

    set_features(network, KEYS, by=creator)
    assert queries.unread_count(member) == 2
    assert "Alumni dinner" in bell(client)


def test_nothing_of_a_switched_off_feature_is_emailed(
    network, member, other_member, creator, smtp, django_capture_on_commit_callbacks
):
    event = make_event(other_member, "Alumni dinner")
    post = make_post(member, title="My reunion story")
    set_features(network, [k for k in KEYS if k != "events"], by=creator)
    with django_capture_on_commit_callbacks(execute=True):
        tell_of_event(event, member, other_member)
        # Emailed at once too, about a blog post: the marker that the queue sent what it had.
        notify(
            "forum-reply",
            [member],
            actor=other_member,
            about=About(target=post, url=post.get_absolute_url(), title=post.title),
        )
    mails = smtp.wait_for(member.email)
    subjects = [str(make_header(decode_header(m["Subject"]))) for m in mails]
    assert any("My reunion story" in s for s in subjects)
    assert all("Alumni dinner" not in s for s in subjects)
    assert Notification.objects.filter(kind="event-invitation").exists()  # kept for later


def test_digests_leave_a_switched_off_features_notifications_out(
    network, member, other_member, creator
):
    event = make_event(other_member, "Alumni dinner")
    tell_of_event(event, member, other_member)
    Notification.objects.update(delivery=Delivery.DAILY)
    set_features(network, [k for k in KEYS if k != "events"], by=creator)
    assert digests.send_digests(timezone.now() + dt.timedelta(days=1)) == 0
    set_features(network, KEYS, by=creator)
    assert digests.send_digests(timezone.now() + dt.timedelta(days=1)) == 1
