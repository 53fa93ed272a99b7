"""In Chromium: a member pastes a video link and the page shows the provider's player (the
iframe's address is checked, not its content: the tests machine has no internet)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_add_a_video_link_and_see_the_player(page: Page, live_server, member):
    # No request leaves for the providers: the frame's address is what the test looks at.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
    sign_in(page, live_server.url, member, "/videos/add/")
    page.get_by_label("Video address").fill("https://youtu.be/dQw4w9WgXcQ")
    page.get_by_label("Title").fill("Farewell song")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Farewell song")).to_be_visible()
    frame = page.locator("iframe")
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    expect(frame).to_have_attribute("title", "Farewell song")
