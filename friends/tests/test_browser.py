"""Two people in two browsers: one asks, the other accepts, both see each other as friends —
the buttons change in place (htmx), without reloading the page."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_friend_request_accepted_between_two_browsers(
    browser: Browser, live_server, network, member, other_member
):
    bilal = browser.new_context().new_page()
    charlotte = browser.new_context().new_page()
    sign_in(bilal, live_server.url, member)
    sign_in(charlotte, live_server.url, other_member)

    # Bilal asks Charlotte from her page; the buttons change in place.
    bilal.goto(f"{live_server.url}{other_member.get_absolute_url()}")
    bilal.evaluate("window.stillTheSamePage = true")
    bilal.get_by_role("button", name="Add as friend").click()
    expect(bilal.get_by_text("Friend request sent.")).to_be_visible()
    expect(bilal.get_by_role("button", name="Cancel request")).to_be_visible()
    assert bilal.evaluate("window.stillTheSamePage") is True, "the form was not sent by htmx"

    # Charlotte finds the request on her friends page and accepts it there.
    charlotte.goto(f"{live_server.url}/friends/")
    row = charlotte.locator(".friend-row", has_text="Bilal Ahmed")
    expect(row).to_contain_text("Bilal Ahmed wants to be your friend.")
    charlotte.evaluate("window.stillTheSamePage = true")
    row.get_by_role("button", name="Accept").click()
    expect(row).to_contain_text("You and Bilal Ahmed are friends.")
    expect(row.get_by_role("link", name="Unfriend")).to_be_visible()
    assert charlotte.evaluate("window.stillTheSamePage") is True

    # Bilal sees it on Charlotte's page and among his friends.
    bilal.reload()
    expect(bilal.get_by_text("You and Charlotte Reyes are friends.")).to_be_visible()
    bilal.goto(f"{live_server.url}/friends/")
    expect(bilal.locator(".friend-row", has_text="Charlotte Reyes")).to_contain_text("are friends")
    # And Charlotte's page counts him.
    charlotte.goto(f"{live_server.url}{member.get_absolute_url()}")
    expect(charlotte.locator("section.friends h2")).to_contain_text("(1)")
