"""Answering an event: attending, maybe, not attending; changing the answer; the attendee
limit; the guest list; without JavaScript and with htmx."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member
from events.models import Event, Rsvp
from events.services import EventFull, answer

from .helpers import make_event

pytestmark = pytest.mark.django_db


def rsvp(client, event, value, **headers):
    return client.post(reverse("events:rsvp", args=[event.pk]), {"answer": value}, **headers)


def test_a_member_answers_and_changes_their_answer_and_the_guest_list_shows_it(
    network, member, other_member
):
    event = make_event(member, "Alumni dinner")
    client = client_for(other_member)
    response = rsvp(client, event, "yes")
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    event.refresh_from_db()
    assert event.attending_count == 1
    html = Client().get(event.get_absolute_url()).content.decode()
    guests = html[html.index('id="guests"') :]
    assert "Attending (1)" in guests
    assert f'href="{other_member.get_absolute_url()}"' in guests

    rsvp(client, event, "maybe")
    event.refresh_from_db()
    assert event.attending_count == 0
    assert Rsvp.objects.get().answer == "maybe"
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "Maybe (1)" in html and "Attending (0)" in html

    rsvp(client, event, "no")
    assert Rsvp.objects.get().answer == "no"
    assert Rsvp.objects.count() == 1


def test_the_limit_refuses_attending_with_a_clear_message_but_not_maybe(network, member):
    event = make_event(member, "Small workshop", attendee_limit=1)
    first = make_member("First Comer", "first@example.org")
    late = make_member("Late Comer", "late@example.org")
    rsvp(client_for(first), event, "yes")
    client = client_for(late)
    response = rsvp(client, event, "yes", follow=True)
    assert "this event is full: all 1 places are taken" in response.content.decode()
    assert not Rsvp.objects.filter(member=late).exists()
    rsvp(client, event, "maybe")
    assert Rsvp.objects.get(member=late).answer == "maybe"
    # A place frees up when the first changes their mind.
    rsvp(client_for(first), event, "no")
    rsvp(client, event, "yes")
    event.refresh_from_db()
    assert event.attending_count == 1
    assert Rsvp.objects.get(member=late).answer == "yes"


def test_the_limit_holds_when_the_count_was_read_before_another_took_the_place(network, member):
    """Two members load the event when one place is left; the second to answer is refused:
    the place is taken by one conditional UPDATE of the event's row, not by what was read."""
    event = make_event(member, "Small workshop", attendee_limit=1)
    stale = Event.objects.get(pk=event.pk)
    answer(event, "yes", by=make_member("First Comer", "first@example.org"))
    with pytest.raises(EventFull):
        answer(stale, "yes", by=make_member("Second Comer", "second@example.org"))
    assert Event.objects.get(pk=event.pk).attending_count == 1
    assert Rsvp.objects.filter(answer="yes").count() == 1


def test_htmx_answers_with_the_fragment_alone(network, member, other_member):
    event = make_event(member, "Alumni dinner", attendee_limit=1)
    response = rsvp(client_for(other_member), event, "yes", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="rsvp"')
    assert 'aria-pressed="true"' in html
    refused = rsvp(
        client_for(make_member("Late", "late@example.org")), event, "yes", HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 400
    assert "this event is full" in refused.content.decode()


def test_a_nonsense_answer_is_refused(network, member, other_member):
    event = make_event(member)
    response = rsvp(client_for(other_member), event, "perhaps", follow=True)
    assert "Please choose attending, maybe or not attending." in response.content.decode()
    assert not Rsvp.objects.exists()


def test_who_may_not_answer(network, member, unconfirmed, other_member):
    event = make_event(member, "Invited only dinner", invited_only=True)
    assert rsvp(client_for(other_member), event, "yes").status_code == 404  # not invited
    public = make_event(member)
    assert rsvp(client_for(unconfirmed), public, "yes").status_code == 403
    response = rsvp(Client(), public, "yes")
    assert response.status_code == 302 and "/signin/" in response["Location"]
    assert client_for(other_member).get(reverse("events:rsvp", args=[public.pk])).status_code == 405


def test_an_answer_refreshes_the_visitors_cached_page(network, member, other_member, settings):
    settings.PAGE_CACHE_SECONDS = 300
    event = make_event(member, "Alumni dinner")
    first = Client().get(event.get_absolute_url())
    again = Client().get(event.get_absolute_url())
    assert again["X-Cache"] == "hit"
    assert "Attending (0)" in first.content.decode()
    rsvp(client_for(other_member), event, "yes")
    after = Client().get(event.get_absolute_url())
    assert after["X-Cache"] == "miss"
    assert "Attending (1)" in after.content.decode()


def test_a_new_event_refreshes_the_visitors_cached_list(network, member, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("events:upcoming")
    Client().get(url)
    assert Client().get(url)["X-Cache"] == "hit"
    make_event(member, "Brand new gathering")
    after = Client().get(url)
    assert after["X-Cache"] == "miss"
    assert "Brand new gathering" in after.content.decode()
