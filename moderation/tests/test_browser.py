"""In Chromium: a member reports a post, a moderator hides it from the queue, and a visitor
no longer finds it on /blog/ or /activity/ (pages that were in the visitors' cache)."""

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import make_post
from tests.browser.conftest import sign_in

from .helpers import make_moderator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Cheap watches, best prices"


def test_report_then_hide_from_the_queue_and_it_is_gone_for_visitors(
    browser: Browser, page: Page, live_server, network, member, other_member
):
    post = make_post(member, title=TITLE)
    moderator = make_moderator()
    base = live_server.url

    visitor = browser.new_context().new_page()
    for path in ("/blog/", "/activity/"):
        visitor.goto(base + path)
        expect(visitor.get_by_text(TITLE).first).to_be_visible()

    # A member reports it from the post's page.
    sign_in(page, base, other_member, post.get_absolute_url())
    page.get_by_role("link", name="Report").click()
    page.get_by_label("Why should the moderators look at this?").fill("Spam: selling watches")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("The network's moderators will look at it.")).to_be_visible()

    # A moderator finds it in the queue and hides it, after confirming.
    moderating = browser.new_context().new_page()
    sign_in(moderating, base, moderator, "/")
    moderating.get_by_role("link", name="Moderation").click()
    expect(moderating.get_by_text("Spam: selling watches")).to_be_visible()
    moderating.get_by_role("link", name="Hide").click()
    expect(moderating.get_by_role("heading", name=f"Hide “{TITLE}”?")).to_be_visible()
    moderating.get_by_role("button", name="Hide").click()
    expect(moderating.get_by_text("Nothing is waiting")).to_be_visible()

    for path in ("/blog/", "/activity/"):
        visitor.goto(base + path)
        expect(visitor.get_by_text(TITLE)).to_have_count(0)
    response = visitor.goto(base + post.get_absolute_url())
    assert response is not None and response.status == 404
