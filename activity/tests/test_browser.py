"""In Chromium: what a friend does shows on the home page at the next visit, and the activity
page switches between everyone and my friends and goes back in time page by page."""

import pytest
from playwright.sync_api import Browser, expect

from activity.queries import PER_PAGE
from activity.tests.helpers import befriend
from conftest import make_member, make_post
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_follows_the_stream_and_their_friends(
    browser: Browser, live_server, network, member, other_member
):
    befriend(member, other_member)
    stranger = make_member("Sara Stranger", "sara@example.org")
    for i in range(PER_PAGE):
        make_post(stranger, f"Stranger's Post {i:02d}")
    page = browser.new_context().new_page()
    sign_in(page, live_server.url, member)

    make_post(other_member, "News From Charlotte")
    page.goto(f"{live_server.url}/")
    section = page.locator("section#activity")
    expect(section).to_contain_text("Charlotte Reyes published the blog post News From Charlotte.")

    section.get_by_role("link", name="My friends' activity").click()
    lines = page.locator(".activity-line")
    expect(lines).to_have_count(2)
    expect(lines.first).to_contain_text("News From Charlotte")

    page.get_by_role("link", name="Everyone").click()
    expect(lines).to_have_count(PER_PAGE)
    page.get_by_role("link", name="Older ›").click()
    expect(lines.first).to_contain_text("Stranger's Post 00")
    page.get_by_role("link", name="« Newest").click()
    expect(lines.first).to_contain_text("News From Charlotte")
