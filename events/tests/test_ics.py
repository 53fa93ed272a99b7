"""iCalendar files, read back with `icalendar` as a calendar program would."""

import datetime as dt

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for
from events.services import invite

from .helpers import KARACHI, make_all_day_event, make_event

pytestmark = pytest.mark.django_db


def parse(response) -> list[icalendar.Component]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_one_events_file_has_its_fields_and_urdu_survives(network, member):
    event = make_event(
        member,
        "مشاعرہ: Alumni poetry night",
        start=dt.datetime(2026, 12, 5, 18, 0, tzinfo=KARACHI),
        hours=3,
        description="غزلیں اور **نظمیں**",
        location="الحمرا ہال، لاہور",
        website="https://example.org/mushaira",
    )
    response = Client().get(reverse("events:ics", args=[event.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    [item] = parse(response)
    assert str(item["summary"]) == "مشاعرہ: Alumni poetry night"
    assert str(item["location"]) == "الحمرا ہال، لاہور"
    assert "غزلیں اور نظمیں" in str(item["description"])
    assert "<strong>" not in str(item["description"])
    start = item.decoded("dtstart")
    assert start == dt.datetime(2026, 12, 5, 18, 0, tzinfo=KARACHI)
    assert str(start.tzinfo) == "Asia/Karachi"
    assert item["dtstart"].params["TZID"] == "Asia/Karachi"
    assert item.decoded("dtend") == dt.datetime(2026, 12, 5, 21, 0, tzinfo=KARACHI)
    assert str(item["url"]) == "https://example.org/mushaira"
    assert str(item["uid"]) == f"event-{event.pk}@testserver"
    assert "dtstamp" in item
    assert item["organizer"].params["CN"] == member.display_name
    # The same UID on every download: calendar programs update the event in place.
    [again] = parse(Client().get(reverse("events:ics", args=[event.pk])))
    assert again["uid"] == item["uid"]


def test_an_all_day_event_has_dates_only(network, member):
    event = make_all_day_event(member, "Sports day", dt.date(2026, 12, 5), dt.date(2026, 12, 6))
    [item] = parse(Client().get(reverse("events:ics", args=[event.pk])))
    assert item["dtstart"].params.get("VALUE") == "DATE"
    assert item.decoded("dtstart") == dt.date(2026, 12, 5)
    assert item.decoded("dtend") == dt.date(2026, 12, 7)  # exclusive


def test_the_upcoming_file_has_what_the_reader_may_see(network, member, other_member):
    make_event(member, "Open picnic")
    secret = make_event(member, "Committee meeting", invited_only=True)
    make_event(member, "Long ago", start=dt.datetime(2020, 1, 1, 10, tzinfo=dt.UTC))
    url = reverse("events:upcoming_ics")
    titles = lambda client: sorted(str(e["summary"]) for e in parse(client.get(url)))  # noqa: E731
    assert titles(Client()) == ["Open picnic"]
    assert titles(client_for(other_member)) == ["Open picnic"]
    invite(secret, [other_member], by=member)
    assert titles(client_for(other_member)) == ["Committee meeting", "Open picnic"]
    assert Client().get(reverse("events:ics", args=[secret.pk])).status_code == 404
