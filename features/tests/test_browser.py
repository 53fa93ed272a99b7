"""In a real browser: an administrator switches the forum off at /manage/features/; the Forum
link leaves the navigation and /forum/ answers 404, for them and for a visitor."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_switches_the_forum_off(browser: Browser, live_server, admin_member):
    page = browser.new_context().new_page()
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/")
    expect(visitor.locator(".site-nav").get_by_role("link", name="Forum")).to_be_visible()

    sign_in(page, live_server.url, admin_member)
    page.goto(f"{live_server.url}/manage/features/")
    forum = page.get_by_role("checkbox", name="Forum")
    expect(forum).to_be_checked()
    forum.uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The network's features are saved.")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Forum")).not_to_be_checked()
    nav = page.locator(".site-nav")
    expect(nav.get_by_role("link", name="Forum")).to_have_count(0)
    expect(nav.get_by_role("link", name="Groups")).to_be_visible()
    response = page.goto(f"{live_server.url}/forum/")
    assert response is not None and response.status == 404

    visitor.goto(f"{live_server.url}/")
    expect(visitor.locator(".site-nav").get_by_role("link", name="Forum")).to_have_count(0)
    response = visitor.goto(f"{live_server.url}/forum/")
    assert response is not None and response.status == 404
