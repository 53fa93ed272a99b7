"""In Chromium, under the site's Content-Security-Policy: a member adds an event, another
answers it (htmx swaps the guest list in place), and downloads its .ics file."""

import datetime as dt

import icalendar
import pytest
from playwright.sync_api import Page, expect

from conftest import make_member
from events.models import Event, Rsvp
from tests.browser.conftest import sign_in

from .helpers import KARACHI, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_create_an_event_answer_it_and_download_its_calendar_file(
    page: Page, live_server, network, member
):
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    sign_in(page, live_server.url, member, "/events/new/")
    page.get_by_label("Title").fill("Alumni iftar")
    page.get_by_label("Start date").fill("2030-12-05")
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("End time").fill("21:00")
    page.get_by_label("Location").fill("Karachi Gymkhana")
    page.get_by_label("Attendee limit").fill("10")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Alumni iftar")).to_be_visible()
    expect(page.get_by_text("Thursday, December 5, 2030, 6 p.m. – 9 p.m.")).to_be_visible()
    event = Event.objects.get()

    # Another member answers: the buttons and the guest list change in place (htmx).
    guest = make_member("Ayesha Guest", "ayesha@example.org")
    page.context.clear_cookies()
    sign_in(page, live_server.url, guest, event.get_absolute_url())
    page.get_by_role("button", name="Attending", exact=True).click()
    expect(page.get_by_role("heading", name="Attending (1)")).to_be_visible()
    expect(page.get_by_text("9 places left of 10.")).to_be_visible()
    assert Rsvp.objects.get().answer == "yes"
    page.get_by_role("button", name="Maybe").click()
    expect(page.get_by_role("heading", name="Maybe (1)")).to_be_visible()
    assert Rsvp.objects.get().answer == "maybe"

    with page.expect_download() as info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename == f"event-{event.pk}.ics"
    with open(download.path(), "rb") as f:
        [item] = icalendar.Calendar.from_ical(f.read()).walk("VEVENT")
    assert str(item["summary"]) == "Alumni iftar"
    assert str(item["location"]) == "Karachi Gymkhana"
    assert problems == []


def test_a_member_chooses_their_time_zone_and_sees_event_times_in_it(
    page: Page, live_server, network, member
):
    event = make_event(member, "Mushaira", start=dt.datetime(2030, 12, 5, 18, tzinfo=KARACHI))
    guest = make_member("Layla London", "layla@example.org")
    sign_in(page, live_server.url, guest, "/settings/profile/")
    zone = page.get_by_label("Your time zone")
    expect(zone).to_have_value("")
    zone.select_option("Europe/London")
    page.get_by_role("button", name="Save").click()
    page.goto(live_server.url + "/settings/profile/")
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/London")

    page.goto(live_server.url + event.get_absolute_url())
    expect(page.get_by_text("Thursday, December 5, 2030, 6 p.m. – 9 p.m.")).to_be_visible()
    expect(
        page.get_by_text(
            "In your time zone (Europe/London): Thursday, December 5, 2030, 1 p.m. – 4 p.m."
        )
    ).to_be_visible()
    page.goto(live_server.url + "/events/calendar/2030/12/")
    expect(page.get_by_text("(1 p.m. your time)")).to_be_visible()
