"""Two people in two browsers: Charlotte comments on Bilal's post; Bilal sees the bell count,
opens his notifications, and the one he opens is read — the bell goes down without a reload
when he marks the other read."""

import re

import pytest
from playwright.sync_api import Browser, expect

from conftest import make_post
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_comment_shows_in_the_authors_bell_and_list(
    browser: Browser, live_server, network, member, other_member
):
    post = make_post(member, "Reunion in Lahore")
    bilal = browser.new_context().new_page()
    charlotte = browser.new_context().new_page()
    sign_in(bilal, live_server.url, member)
    sign_in(charlotte, live_server.url, other_member)
    bell = bilal.locator("#notification-bell")
    expect(bell).to_have_text("Notifications")

    charlotte.goto(f"{live_server.url}{post.get_absolute_url()}")
    charlotte.get_by_label("Add a comment").fill("What a night it was!")
    charlotte.get_by_role("button", name="Add Comment").click()
    expect(charlotte.get_by_text("What a night it was!")).to_be_visible()
    charlotte.get_by_label("Add a comment").fill("And the music!")
    charlotte.get_by_role("button", name="Add Comment").click()
    expect(charlotte.get_by_text("And the music!")).to_be_visible()

    bilal.reload()
    expect(bell.locator(".badge")).to_have_text("2")
    bell.click()
    rows = bilal.locator(".notification-row")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Charlotte Reyes commented on your post “Reunion in Lahore”")
    expect(bilal.locator(".notification-row.unread")).to_have_count(2)

    # Marking one read swaps the row and the bell in place.
    bilal.evaluate("window.stillTheSamePage = true")
    rows.nth(1).get_by_role("button", name="Mark read").click()
    expect(bilal.locator(".notification-row.unread")).to_have_count(1)
    expect(bell.locator(".badge")).to_have_text("1")
    assert bilal.evaluate("window.stillTheSamePage") is True, "not marked by htmx"

    # Opening the other goes to the comment and marks it read.
    rows.first.get_by_role("link").click()
    expect(bilal).to_have_url(re.compile(rf".*{re.escape(post.get_absolute_url())}#comment-\d+$"))
    expect(bilal.get_by_text("And the music!")).to_be_visible()
    expect(bell.locator(".badge")).to_have_count(0)
    bilal.goto(f"{live_server.url}/notifications/")
    expect(bilal.locator(".notification-row.unread")).to_have_count(0)


def test_mentions_are_offered_in_a_field_with_data_mentions(
    browser: Browser, live_server, network, member, other_member
):
    page = browser.new_context().new_page()
    sign_in(page, live_server.url, member)
    page.goto(f"{live_server.url}/notifications/settings/")
    # Until base.html includes the script (the integration), the test puts it in the page as
    # base.html will: a script of this site, its data-url the autocomplete's address.
    page.evaluate(
        """() => {
          const field = document.createElement("textarea");
          field.setAttribute("data-mentions", "");
          field.setAttribute("aria-label", "Say something");
          document.querySelector("main").append(field);
          if (document.getElementById("mentions-script")) return;
          const script = document.createElement("script");
          script.id = "mentions-script";
          script.src = "/static/notifications/mentions.js";
          script.dataset.url = "/notifications/mentions/";
          document.head.append(script);
        }"""
    )
    field = page.get_by_label("Say something")
    expect(field).to_have_attribute("aria-autocomplete", "list")
    field.press_sequentially("Thanks @char")
    option = page.get_by_role("option", name="Charlotte Reyes")
    expect(option).to_be_visible()
    field.press("Enter")
    expect(field).to_have_value(f"Thanks @{other_member.handle} ")
    expect(page.get_by_role("listbox")).to_be_hidden()
