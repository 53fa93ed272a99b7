"""What events add to other apps' pages: Latest Activity, the home page's and a member's
sections, comments and likes; an invited-only event shows nowhere to whom may not see it."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member
from events.services import delete_event, invite, set_hidden
from members.models import Member
from members.services import remove_member

from .helpers import make_event

pytestmark = pytest.mark.django_db


def test_a_new_public_event_is_in_the_activity_stream_and_the_home_page(network, member):
    make_event(member, "Alumni dinner")
    assert "added the event" in Client().get(reverse("activity:everyone")).content.decode()
    home = Client().get("/").content.decode()
    assert "Upcoming events" in home and "Alumni dinner" in home
    assert "Alumni dinner" in Client().get(member.get_absolute_url()).content.decode()


def test_an_invited_only_event_shows_nowhere_to_others(network, member, other_member):
    event = make_event(member, "Committee meeting", invited_only=True)
    outsider = make_member("Nobody Invited", "nobody@example.org")
    for client in (Client(), client_for(outsider)):
        for url in (
            "/",
            reverse("activity:everyone"),
            member.get_absolute_url(),
            reverse("events:upcoming_ics"),
        ):
            assert "Committee meeting" not in client.get(url).content.decode(), url
    invite(event, [other_member], by=member)
    invited = client_for(other_member)
    assert "Committee meeting" in invited.get("/").content.decode()
    assert "Committee meeting" in invited.get(reverse("activity:everyone")).content.decode()


def test_comments_on_an_event_and_their_removal_with_it(network, member, other_member):
    event = make_event(member, "Alumni dinner")
    comment = add_comment(event, other_member, "See you there!")
    assert "See you there!" in Client().get(event.get_absolute_url()).content.decode()
    event.refresh_from_db()
    assert event.comment_count == 1
    delete_event(event, by=member)
    from comments.models import Comment

    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_a_hidden_event_leaves_the_stream(network, member, admin_member):
    event = make_event(member, "Heated debate night")
    set_hidden(event, True, by=admin_member)
    assert "Heated debate night" not in Client().get(reverse("activity:everyone")).content.decode()


def test_a_removed_members_events_go_with_them(network, member, creator):
    from events.models import Event

    make_event(member, "Alumni dinner")
    remove_member(Member.objects.get(pk=member.pk))
    assert not Event.objects.exists()


def test_a_removed_or_leaving_guest_frees_their_place(network, member, other_member):
    from events.models import Event
    from events.services import answer
    from members.services import leave

    event = make_event(member, "Small workshop", attendee_limit=2)
    answer(event, "yes", by=other_member)
    leaving = make_member("Leaving Guest", "leaving@example.org")
    answer(event, "yes", by=leaving)
    assert Event.objects.get(pk=event.pk).attending_count == 2
    remove_member(Member.objects.get(pk=other_member.pk))
    leave(Member.objects.get(pk=leaving.pk), keep_content=True)
    event = Event.objects.get(pk=event.pk)
    assert event.attending_count == 0
    assert not event.rsvps.exists()


def test_the_notification_settings_list_the_events_kinds(network, member):
    html = client_for(member).get(reverse("notifications:settings")).content.decode()
    assert "Reminders of events I attend" in html
    assert "Invitations to events" in html
