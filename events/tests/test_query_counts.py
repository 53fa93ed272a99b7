"""The lists and the calendar make the same number of queries with 5 events as with 50."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_member, page_queries
from events.models import EVENTS_TAG
from events.services import answer
from lib.cachetags import invalidate
from tests.datafixtures import assert_same_queries

from .helpers import KARACHI, make_event

pytestmark = pytest.mark.django_db

MONTH_START = dt.datetime(2026, 12, 1, 10, 0, tzinfo=KARACHI)


def grow(organisers, guests, n: int, start: dt.datetime, step: dt.timedelta) -> None:
    for i in range(n):
        event = make_event(
            organisers[i % len(organisers)], f"Event {i}", start=start + i * step, hours=30
        )
        if start > timezone.now():
            for guest in guests:
                answer(event, "yes", by=guest)


@pytest.mark.parametrize(
    "url_name,start,step",
    [
        ("events:upcoming", "future", dt.timedelta(hours=5)),
        ("events:past", "past", dt.timedelta(hours=-5)),
        ("events:calendar", "month", dt.timedelta(hours=13)),
    ],
)
def test_the_same_queries_at_5_and_50_events(network, member, url_name, start, step, settings):
    """As a visitor, a member and a "londoner": a member whose own time zone is not the
    network's (their entries show both); both members organise (the events made once, every
    persona counted at each size)."""
    settings.PAGE_CACHE_SECONDS = 0  # the page rendered each time, not read from the cache
    londoner = make_member("Second Organiser", "second@example.org")
    londoner.time_zone = "Europe/London"
    londoner.save()
    organisers = [member, londoner]
    begin = {
        "future": timezone.now() + dt.timedelta(days=1),
        "past": timezone.now() - dt.timedelta(days=2),
        "month": MONTH_START,
    }[start]
    url = reverse(url_name, args=[2026, 12]) if url_name == "events:calendar" else reverse(url_name)
    clients = {"visitor": Client(), "member": client_for(member), "londoner": client_for(londoner)}
    guests = [make_member(f"Guest {i}", f"guest{i}@example.org") for i in range(2)]
    grow(organisers, guests, 5, begin, step)
    for client in clients.values():
        client.get(url)  # warm what every page reads once (the network, sessions)

    def queries() -> dict[tuple[str, str], int]:
        """With the entries rendered afresh (an event changed), then kept."""
        found = {}
        for who, client in clients.items():
            invalidate(EVENTS_TAG)
            found[who, "afresh"] = page_queries(client, url, fresh=False)
            found[who, "kept"] = page_queries(client, url, fresh=False)
        return found

    few = queries()
    grow(organisers, guests, 45, begin + 5 * step, step)
    assert_same_queries(few, queries())


@pytest.mark.parametrize("zone", ["", "Europe/London"])
def test_my_events_the_same_at_5_and_50(network, member, zone):
    member.time_zone = zone
    member.save()
    other = make_member("Second Organiser", "second@example.org")
    client = client_for(member)
    start = timezone.now() + dt.timedelta(days=1)

    def add(n: int, offset: int) -> None:
        for i in range(n):
            make_event(member, f"Mine {offset + i}", start=start + dt.timedelta(hours=offset + i))
            answer(make_event(other, f"Theirs {offset + i}", start=start), "yes", by=member)

    add(5, 0)
    client.get(reverse("events:mine"))
    few = page_queries(client, reverse("events:mine"), fresh=False)
    add(45, 5)
    assert page_queries(client, reverse("events:mine"), fresh=False) == few
