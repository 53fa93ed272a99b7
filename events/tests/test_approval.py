"""Approval of events (moderation/: Network.approval_required "events", and a new member's
links held): a new event waits, seen by its organiser and the events' moderators only, in no
list, calendar, activity or notification, until a moderator approves or rejects it."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity.models import Entry
from conftest import client_for, make_member, page_queries
from events.models import Event
from events.permissions import can_invite, can_rsvp
from events.tests.helpers import make_event
from lib.cachetags import invalidate
from members.models import Member
from notifications.models import Notification

pytestmark = pytest.mark.django_db

PENDING = reverse("moderation:pending")


@pytest.fixture
def approving(network):
    network.approval_required = ["events"]
    network.save()
    invalidate("network")
    return network


def events_moderator() -> Member:
    return make_member(
        "Ejaz Events", "ejaz@example.org", role=Member.Role.MODERATOR, moderator_scopes=["events"]
    )


def blogs_moderator() -> Member:
    return make_member(
        "Bushra Blogs", "bushra@example.org", role=Member.Role.MODERATOR, moderator_scopes=["blogs"]
    )


def act_url(pk: int, action: str) -> str:
    return reverse("moderation:act", args=["event", pk, action])


def lists(client: Client) -> str:
    names = ("events:upcoming", "events:calendar_now", "network:home", "activity:everyone")
    return "".join(client.get(reverse(name)).content.decode() for name in names)


def test_a_new_event_waits_seen_by_its_organiser_and_the_events_moderators(
    approving, member, other_member
):
    moderator, elsewhere = events_moderator(), blogs_moderator()
    event = make_event(member, "Secret picnic")
    assert event.is_pending
    url = event.get_absolute_url()
    organiser = client_for(member)
    assert "waits for a moderator" in organiser.get(url, follow=True).content.decode()
    assert "Secret picnic" in organiser.get(reverse("events:upcoming")).content.decode()
    for who in (Client(), client_for(other_member), client_for(elsewhere)):
        assert who.get(url, follow=True).status_code == 404
        assert "Secret picnic" not in lists(who)
    assert client_for(moderator).get(url, follow=True).status_code == 200
    assert not can_invite(member, event) and not can_rsvp(other_member, event)
    assert not Entry.objects.filter(kind="events.created").exists()
    assert Notification.objects.filter(recipient=moderator, kind="moderation-pending").exists()
    queue = client_for(moderator).get(PENDING).content.decode()
    assert "Secret picnic" in queue and act_url(event.pk, "approve") in queue
    assert client_for(elsewhere).post(act_url(event.pk, "approve")).status_code == 403


def test_approving_lists_and_tells_it(approving, member):
    moderator = events_moderator()
    event = make_event(member, "Cricket match")
    lists(Client())  # the visitors' cached pages, before
    response = client_for(moderator).post(act_url(event.pk, "approve"), {"reason": ""})
    assert response.status_code == 302
    event.refresh_from_db()
    assert not event.is_pending
    assert "Cricket match" in lists(Client())
    assert Entry.objects.filter(kind="events.created").count() == 1
    assert can_invite(member, event)


def test_rejecting_deletes_it_and_tells_the_organiser_why(approving, member):
    moderator = events_moderator()
    event = make_event(member, "Buy tickets")
    response = client_for(moderator).post(act_url(event.pk, "reject"), {"reason": "Spam."})
    assert response.status_code == 302
    assert not Event.objects.exists()
    told = Notification.objects.get(recipient=member, kind="moderation-rejected")
    assert told.excerpt == "Spam." and told.target_id is None


def test_an_edit_does_not_send_an_approved_event_back(approving, member, creator):
    moderator = events_moderator()
    event = make_event(member, "Dinner")
    client_for(moderator).post(act_url(event.pk, "approve"), {"reason": ""})
    event.refresh_from_db()
    from events.services import EventData, save_event

    data = EventData(
        title="Dinner, moved",
        description="",
        start_at=event.start_at,
        end_at=event.end_at,
        privacy=event.privacy,
    )
    assert not save_event(event, data, by=member).is_pending
    assert not make_event(creator, "Creator's").is_pending
    assert not make_event(moderator, "Moderator's").is_pending


def test_a_new_members_event_with_a_link_waits(network):
    network.hold_new_members_links = True
    network.save()
    invalidate("network")
    newcomer = make_member("Nadia New", "nadia@example.org")
    old_timer = make_member(
        "Omar Old", "omar@example.org", date_joined=timezone.now() - dt.timedelta(days=30)
    )
    assert make_event(newcomer, "Party", description="Tickets: https://spam.test").is_pending
    assert not make_event(newcomer, "Plain", description="No link").is_pending
    assert not make_event(old_timer, "Old", description="https://fine.test").is_pending


def test_the_list_costs_the_same_with_events_waiting(approving, member, creator):
    for n in range(5):
        make_event(creator, f"Event {n}")
    make_event(member, "Waiting")
    before = page_queries(Client(), reverse("events:upcoming"))
    for n in range(5, 50):
        make_event(creator, f"Event {n}")
    assert page_queries(Client(), reverse("events:upcoming")) == before
