"""Two people in two browsers: A writes to B (the To field suggests B's name as A types, then
the form goes to her), B replies, A sees the reply in the thread and the unread count in the
navigation."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_writes_to_b_b_replies_and_a_reads_the_reply(
    browser: Browser, live_server, network, member, other_member
):
    bilal = browser.new_context().new_page()
    charlotte = browser.new_context().new_page()
    sign_in(bilal, live_server.url, member)
    sign_in(charlotte, live_server.url, other_member)

    # Bilal writes from the inbox; typing part of her name offers Charlotte.
    bilal.goto(f"{live_server.url}/messages/")
    bilal.get_by_role("link", name="New message").click()
    to = bilal.get_by_label("To")
    to.press_sequentially("Charl", delay=30)
    option = bilal.locator("#recipient-options option")
    # The suggestions answer over htmx: slower on a loaded machine.
    expect(option).to_have_count(1, timeout=15_000)
    assert option.get_attribute("value") == "Charlotte Reyes (@charlotte-reyes), "
    to.fill(option.get_attribute("value") or "")
    bilal.get_by_role("button", name="Continue").click()
    expect(bilal.get_by_role("link", name="Charlotte Reyes")).to_be_visible()
    bilal.get_by_label("Subject").fill("Reunion venue")
    bilal.get_by_label("Message").fill("Have you booked the hall?")
    bilal.get_by_role("button", name="Send").click()
    expect(bilal.get_by_text("Your message is sent.")).to_be_visible()

    # Charlotte sees one unread conversation, opens it and replies.
    charlotte.goto(f"{live_server.url}/")
    expect(charlotte.locator(".site-nav a", has_text="Messages").locator(".badge")).to_have_text(
        "1"
    )
    charlotte.locator(".site-nav a", has_text="Messages").click()
    charlotte.get_by_role("link", name="Reunion venue").click()
    expect(charlotte.get_by_text("Have you booked the hall?")).to_be_visible()
    charlotte.get_by_label("Message").fill("Yes, for the 14th. ایک بجے")
    charlotte.get_by_role("button", name="Reply").click()
    expect(charlotte.locator(".message-list li")).to_have_count(2)

    # Bilal is told, and finds the reply after his message in the thread.
    bilal.goto(f"{live_server.url}/")
    badge = bilal.locator(".site-nav a", has_text="Messages").locator(".badge")
    expect(badge).to_have_text("1")
    bilal.locator(".site-nav a", has_text="Messages").click()
    bilal.get_by_role("link", name="Reunion venue").click()
    messages = bilal.locator(".message-list li")
    expect(messages).to_have_count(2)
    expect(messages.nth(0)).to_contain_text("Have you booked the hall?")
    expect(messages.nth(1)).to_contain_text("Yes, for the 14th. ایک بجے")
    expect(messages.nth(1)).to_contain_text("Charlotte Reyes")
    expect(badge).to_have_count(0)
