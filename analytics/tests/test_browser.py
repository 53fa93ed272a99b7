"""The analytics page in Chromium: its charts draw under the site's Content-Security-Policy
(no style attribute, no script), the period is chosen with the select, a bar tells its value
and the numbers open under the chart."""

import datetime as dt
import os

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from members.models import Member
from tests.browser.conftest import sign_in

from .helpers import comment, post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_reads_the_charts_and_chooses_a_period(
    page: Page, live_server, network, admin_member: Member, member: Member
) -> None:
    from django.utils import timezone

    now = timezone.now()
    for days in (0, 1, 1, 3, 9, 40):
        target = post(member, now - dt.timedelta(days=days), title=f"Story {days}")
        comment(admin_member, target, now - dt.timedelta(days=days))
    problems: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            problems.append(message.text)

    page.on("console", record)
    sign_in(page, live_server.url, admin_member, "/manage/analytics/")
    expect(page.get_by_role("heading", name="Analytics", exact=True)).to_be_visible()
    chart = page.locator("#chart-posts svg")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300
    # The bars take their colour from the stylesheet: a CSP that refused it would leave black.
    colour = chart.locator("rect.chart-bar").last.evaluate("el => getComputedStyle(el).fill")
    assert colour == "rgb(42, 111, 151)"
    expect(chart.locator("rect.chart-bar")).to_have_count(30)

    page.locator("#chart-posts summary").click()
    expect(page.locator("#chart-posts table")).to_be_visible()

    page.get_by_label("Period").select_option("12m")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{live_server.url}/manage/analytics/?period=12m")
    expect(page.locator("#chart-posts svg rect.chart-bar")).to_have_count(12)
    if os.environ.get("ANALYTICS_SCREENSHOT"):
        page.screenshot(path=os.environ["ANALYTICS_SCREENSHOT"], full_page=True)
    assert problems == []
