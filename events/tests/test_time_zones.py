"""Times in the network's time zone for everyone, and also in a member's own when they chose
another (members/timezones.py): on the event's page, in the lists and in the calendar. What
is cached for visitors never carries a member's zone."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member, page_queries
from events.services import answer

from .helpers import KARACHI, make_all_day_event, make_event

pytestmark = pytest.mark.django_db

YOURS = "In your time zone"
# 6 p.m. in Karachi (UTC+5) is 1 p.m. in London (UTC+0 in December).
SIX_PM = dt.datetime(2026, 12, 5, 18, 0, tzinfo=KARACHI)


@pytest.fixture
def londoner(network):
    return make_member("Layla London", "layla@example.org", time_zone="Europe/London")


@pytest.fixture
def at_home(network):
    """A member who chose the network's own time zone."""
    return make_member("Kamran Karachi", "kamran@example.org", time_zone="Asia/Karachi")


def test_a_member_in_london_sees_the_time_in_both_zones(member, londoner):
    event = make_event(member, "Mushaira", start=SIX_PM, hours=3)
    html = client_for(londoner).get(event.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026, 6 p.m. – 9 p.m." in html
    assert "Asia/Karachi" in html
    assert "In your time zone (Europe/London): Saturday, December 5, 2026, 1 p.m. – 4 p.m." in html


@pytest.mark.parametrize("who", ["visitor", "member", "at_home"])
def test_others_see_the_networks_time_only(request, member, at_home, who):
    event = make_event(member, "Mushaira", start=SIX_PM, hours=3)
    client = Client() if who == "visitor" else client_for(request.getfixturevalue(who))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026, 6 p.m. – 9 p.m." in html
    assert YOURS not in html


def test_an_event_across_midnight_shows_each_zones_dates(member, londoner, network):
    # 11 p.m. to 2 a.m. in Karachi: 6 p.m. to 9 p.m. of the same Saturday in London.
    late = make_event(member, "Qawwali night", start=SIX_PM + dt.timedelta(hours=5), hours=3)
    html = client_for(londoner).get(late.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026, 11 p.m. – Sunday, December 6, 2026, 2 a.m." in html
    assert "In your time zone (Europe/London): Saturday, December 5, 2026, 6 p.m. – 9 p.m." in html
    # 2 a.m. on Saturday in Karachi is still Friday evening in Los Angeles.
    early = make_event(member, "Sehri", start=SIX_PM - dt.timedelta(hours=16), hours=2)
    angeleno = make_member("Ana Angeles", "ana@example.org", time_zone="America/Los_Angeles")
    html = client_for(angeleno).get(early.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026, 2 a.m. – 4 a.m." in html
    assert (
        "In your time zone (America/Los_Angeles): Friday, December 4, 2026, 1 p.m. – 3 p.m." in html
    )


def test_an_all_day_event_stays_by_date(member, londoner):
    event = make_all_day_event(member, "Sports day", dt.date(2026, 12, 5), dt.date(2026, 12, 6))
    html = client_for(londoner).get(event.get_absolute_url()).content.decode()
    assert "Saturday, December 5, 2026 – Sunday, December 6, 2026 (all day)" in html
    assert YOURS not in html


def test_the_lists_show_a_londoners_time_under_each_and_visitors_never_get_it(
    member, londoner, at_home, settings
):
    settings.PAGE_CACHE_SECONDS = 600  # visitors' pages are stored: they must stay theirs
    future = dt.datetime.now(KARACHI).replace(hour=18, minute=0, second=0, microsecond=0)
    make_event(member, "Mushaira", start=future + dt.timedelta(days=3), hours=3)
    url = reverse("events:upcoming")
    first = client_for(londoner).get(url).content.decode()
    assert first.count("In your time zone (Europe/London): ") == 1
    assert "1 p.m. – 4 p.m." in first and "6 p.m. – 9 p.m." in first
    assert "Under each, the time in your time zone, Europe/London" in first
    for client in (Client(), Client(), client_for(member), client_for(at_home)):
        html = client.get(url).content.decode()
        assert "Mushaira" in html
        assert YOURS not in html and "Europe/London" not in html
    # Another member in London has the entries kept for London.
    other = make_member("Omar London", "omar@example.org", time_zone="Europe/London")
    assert "In your time zone (Europe/London): " in client_for(other).get(url).content.decode()
    mine = client_for(member).get(reverse("events:mine")).content.decode()
    assert YOURS not in mine
    member.time_zone = "Europe/London"
    member.save()
    mine = client_for(member).get(reverse("events:mine")).content.decode()
    assert "In your time zone (Europe/London): " in mine


def test_a_visitor_after_a_londoner_on_an_event_page_gets_no_zone_of_theirs(
    member, londoner, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    event = make_event(member, "Mushaira", start=SIX_PM, hours=3)
    assert YOURS in client_for(londoner).get(event.get_absolute_url()).content.decode()
    for _ in range(2):  # rendered, then from the page cache
        assert YOURS not in Client().get(event.get_absolute_url()).content.decode()


def test_the_calendar_shows_the_start_in_the_members_zone_beside(member, londoner):
    make_event(member, "Mushaira", start=SIX_PM, hours=3)
    make_event(member, "Sehri", start=SIX_PM - dt.timedelta(hours=16), hours=2)
    url = reverse("events:calendar", args=[2026, 12])
    html = client_for(londoner).get(url).content.decode()
    assert "(1 p.m. your time)" in html
    assert "(Fri 9 p.m. your time)" in html  # 2 a.m. Saturday in Karachi
    assert "In brackets, the start in your time zone, Europe/London" in html
    assert "your time" not in Client().get(url).content.decode()
    assert "your time" not in client_for(member).get(url).content.decode()


def test_the_calendar_file_is_the_same_instant_for_everyone(member, londoner):
    event = make_event(member, "Mushaira", start=SIX_PM, hours=3)
    url = reverse("events:ics", args=[event.pk])
    files = [client_for(londoner).get(url).content, Client().get(url).content]
    for content in files:
        calendar = icalendar.Calendar.from_ical(content)
        [item] = calendar.walk("VEVENT")
        assert item.decoded("dtstart").astimezone(dt.UTC) == dt.datetime(
            2026, 12, 5, 13, 0, tzinfo=dt.UTC
        )
        assert item.decoded("dtstart").astimezone(ZoneInfo("Europe/London")).hour == 13
        assert calendar.walk("VTIMEZONE")  # the zone's rules travel with the times


def test_the_event_page_costs_the_same_in_any_zone(member, other_member, londoner, at_home):
    event = make_event(member, "Mushaira", start=SIX_PM, hours=3)
    url = event.get_absolute_url()
    counts = {}
    for who in (other_member, at_home, londoner):
        client = client_for(who)
        client.get(url)
        counts[who.display_name] = page_queries(client, url)
    assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize("url_name", ["events:upcoming", "events:past", "events:mine"])
def test_the_lists_cost_the_same_in_any_zone(member, other_member, londoner, url_name):
    now = dt.datetime.now(KARACHI)
    for i in range(3):
        for start in (now + dt.timedelta(days=i + 1), now - dt.timedelta(days=i + 1)):
            event = make_event(member, f"Event {i}", start=start)
            for who in (other_member, londoner):
                if start > now:
                    answer(event, "yes", by=who)
    url = reverse(url_name)
    counts = {}
    for who in (other_member, londoner):
        client = client_for(who)
        client.get(url)
        counts[who.display_name] = (
            page_queries(client, url),
            page_queries(client, url, fresh=False),
        )
    assert len(set(counts.values())) == 1, counts


def test_a_reminder_tells_a_londoner_the_time_in_theirs_too(member, londoner, other_member):
    from events.services import send_reminders
    from notifications.models import Notification

    start = dt.datetime(2026, 12, 5, 18, 0, tzinfo=KARACHI)
    event = make_event(member, "Mushaira", start=start, hours=3, location="Alhamra Hall")
    answer(event, "yes", by=londoner)
    answer(event, "yes", by=other_member)
    assert send_reminders(now=start - dt.timedelta(hours=20)) == 2
    theirs = Notification.objects.get(kind="event-reminder", recipient=londoner).excerpt
    assert theirs == (
        "Saturday, December 5, 2026, 6 p.m. – 9 p.m. (Asia/Karachi) · Alhamra Hall · "
        "In your time zone (Europe/London): Saturday, December 5, 2026, 1 p.m. – 4 p.m."
    )
    other = Notification.objects.get(kind="event-reminder", recipient=other_member).excerpt
    assert other == "Saturday, December 5, 2026, 6 p.m. – 9 p.m. (Asia/Karachi) · Alhamra Hall"


def test_an_invitation_tells_a_londoner_the_time_in_theirs_too(member, londoner, other_member):
    from events.services import invite
    from notifications.models import Notification

    start = dt.datetime(2026, 12, 5, 18, 0, tzinfo=KARACHI)
    event = make_event(member, "Mushaira", start=start, hours=3, location="Alhamra Hall")
    invite(event, [londoner, other_member], by=member)
    theirs = Notification.objects.get(kind="event-invitation", recipient=londoner).excerpt
    assert theirs.endswith(
        "In your time zone (Europe/London): Saturday, December 5, 2026, 1 p.m. – 4 p.m."
    )
    other = Notification.objects.get(kind="event-invitation", recipient=other_member).excerpt
    assert other == "Saturday, December 5, 2026, 6 p.m. – 9 p.m. (Asia/Karachi) · Alhamra Hall"


def test_the_home_and_member_pages_events_show_a_londoners_time_too(member, londoner, settings):
    settings.PAGE_CACHE_SECONDS = 600
    future = dt.datetime.now(KARACHI).replace(hour=18, minute=0, second=0, microsecond=0)
    make_event(member, "Mushaira", start=future + dt.timedelta(days=3), hours=3)
    for url in (reverse("network:home"), member.get_absolute_url()):
        html = client_for(londoner).get(url).content.decode()
        assert "(Europe/London: " in html and "1 p.m. – 4 p.m.)" in html
        for client in (Client(), Client(), client_for(member)):
            assert "Europe/London" not in client.get(url).content.decode()
