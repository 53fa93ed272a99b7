"""The month calendar: events on their days in the network's time zone, multi-day events on
each of their days, the previous and next months."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for
from events.services import invite

from .helpers import KARACHI, make_all_day_event, make_event

pytestmark = pytest.mark.django_db


def day_cell(html: str, date: str) -> str:
    match = re.search(rf'data-date="{date}">(.*?)</td>', html, re.S)
    assert match, date
    return match.group(1)


def test_events_are_placed_on_their_local_days(network, member):
    # 02:00 in Karachi on the 10th is still the 9th in UTC: the network's day counts.
    make_event(
        member,
        "Early prayer breakfast",
        start=dt.datetime(2026, 12, 10, 2, 0, tzinfo=KARACHI),
        hours=2,
    )
    make_event(
        member,
        "Three-day conference",
        start=dt.datetime(2026, 12, 14, 9, 0, tzinfo=KARACHI),
        hours=2 * 24 + 8,
    )
    make_all_day_event(member, "Founders' day", dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    html = Client().get(reverse("events:calendar", args=[2026, 12])).content.decode()
    assert "Early prayer breakfast" in day_cell(html, "2026-12-10")
    assert "Early prayer breakfast" not in day_cell(html, "2026-12-09")
    for day in ("2026-12-14", "2026-12-15", "2026-12-16"):
        assert "Three-day conference" in day_cell(html, day)
    assert "Three-day conference" not in day_cell(html, "2026-12-17")
    assert "Founders&#x27; day" in day_cell(html, "2026-12-31")
    # The grid's last week reaches into January: the event's second day is there too.
    assert "Founders&#x27; day" in day_cell(html, "2027-01-01")
    assert "Events in December 2026" in html


def test_previous_and_next_months_link_across_years(network):
    html = Client().get(reverse("events:calendar", args=[2027, 1])).content.decode()
    assert reverse("events:calendar", args=[2026, 12]) in html
    assert reverse("events:calendar", args=[2027, 2]) in html


def test_a_month_that_does_not_exist_is_404(network):
    assert Client().get("/events/calendar/2026/13/").status_code == 404
    assert Client().get("/events/calendar/0/1/").status_code == 404


def test_the_calendar_now_goes_to_this_month(network):
    response = Client().get(reverse("events:calendar_now"))
    assert response.status_code == 302
    assert re.search(r"/events/calendar/\d{4}/\d{1,2}/$", response["Location"])


def test_invited_only_events_show_only_to_whom_may_see_them(
    network, member, other_member, admin_member
):
    event = make_event(
        member, "Secret planning", start=dt.datetime(2026, 12, 10, 18, 0, tzinfo=KARACHI)
    )
    event.privacy = "invited"
    event.save()
    url = reverse("events:calendar", args=[2026, 12])
    assert "Secret planning" not in Client().get(url).content.decode()
    assert "Secret planning" not in client_for(other_member).get(url).content.decode()
    assert "Secret planning" in client_for(admin_member).get(url).content.decode()
    invite(event, [other_member], by=member)
    assert "Secret planning" in client_for(other_member).get(url).content.decode()
