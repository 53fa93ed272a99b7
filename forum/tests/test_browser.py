"""In Chromium: a member starts a discussion through the form, another replies in place
(htmx) and quotes a reply into the reply box."""

import pytest
from playwright.sync_api import Browser, Page, expect

from forum.models import Discussion
from forum.tests.helpers import make_category
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RATELIMIT_COMMENTS = (0, 600)


def test_start_a_discussion_then_reply_and_quote(
    browser: Browser, page: Page, live_server, network, creator, member, other_member
):
    category = make_category(creator, "Reunions and Meetups")
    sign_in(page, live_server.url, member, "/forum/")
    page.goto(f"{live_server.url}/forum/")
    page.get_by_role("link", name="Start a discussion").click()
    page.get_by_label("Category").select_option(label=category.name)
    page.get_by_label("Title").fill("Winter dinner in Lahore")
    page.get_by_label("Body").fill("Who is **coming**?")
    page.get_by_role("button", name="Start the discussion").click()
    expect(page.get_by_role("heading", name="Winter dinner in Lahore")).to_be_visible()
    expect(page.locator(".post-body strong")).to_have_text("coming")
    url = Discussion.objects.get().get_absolute_url()

    other = browser.new_context().new_page()
    sign_in(other, live_server.url, other_member, url)
    other.goto(f"{live_server.url}{url}")
    loads = []
    other.on("load", lambda _page: loads.append(1))
    other.get_by_label("Add a comment").fill("Count me in, with two friends.")
    other.get_by_role("button", name="Add Comment").click()
    reply = other.locator("#comments .comment", has_text="Count me in")
    expect(reply).to_be_visible()
    assert loads == []  # htmx swapped the section

    # Quote, added by the forum's script again after the swap, fills the reply box.
    reply.get_by_role("link", name="Quote").click()
    expect(other.get_by_label("Add a comment")).to_have_value(
        f"{other_member.display_name} wrote:\n> Count me in, with two friends.\n\n"
    )

    page.goto(f"{live_server.url}/forum/latest/")
    expect(page.locator(".forum-row")).to_contain_text("1 reply")
    expect(page.locator(".forum-row")).to_contain_text(f"Last reply by {other_member.display_name}")
