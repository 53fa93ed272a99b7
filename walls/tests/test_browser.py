"""In Chromium: a reply to a comment on a post, and a comment on a member's wall, each shown in
place without reloading the page (htmx)."""

import pytest
from playwright.sync_api import Page, expect

from comments.services import add_comment
from conftest import make_post
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reply_to_a_comment_on_a_post_without_a_reload(
    page: Page, live_server, network, creator, member, other_member
):
    post = make_post(creator, title="Reunion Plans")
    comment = add_comment(post, other_member, "Count me in.")
    sign_in(page, live_server.url, member, post.get_absolute_url())
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    loads = []
    page.on("load", lambda _page: loads.append(1))

    page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Reply").click()
    box = page.get_by_label("Reply to Charlotte Reyes")
    expect(box).to_be_focused()
    box.fill("See you there!")
    page.get_by_role("button", name="Add Reply").click()
    reply = page.locator(".replies .comment.reply", has_text="See you there!")
    expect(reply).to_be_visible()
    expect(reply).to_contain_text("Bilal Ahmed")
    expect(page.locator("#comments h2")).to_contain_text("2 Comments")
    assert loads == []  # htmx swapped the section: no page load

    page.reload()
    expect(page.locator(".replies .comment.reply", has_text="See you there!")).to_be_visible()


def test_writing_on_a_wall_and_an_empty_reply_without_a_reload(
    page: Page, live_server, network, member, other_member
):
    sign_in(page, live_server.url, other_member, member.get_absolute_url())
    page.goto(f"{live_server.url}{member.get_absolute_url()}")
    loads = []
    page.on("load", lambda _page: loads.append(1))

    expect(page.get_by_role("heading", name="Comment Wall")).to_be_visible()
    page.get_by_label("Add a comment").fill("Happy birthday, Bilal!")
    page.get_by_role("button", name="Add Comment").click()
    written = page.locator("#comments .comment", has_text="Happy birthday, Bilal!")
    expect(written).to_be_visible()
    expect(page.locator("#comments h2")).to_contain_text("1 Comment")

    # A reply sent empty: the form stays open under the comment and says why.
    written.get_by_role("link", name="Reply").click()
    page.get_by_role("button", name="Add Reply").click()  # the browser refuses an empty box
    page.get_by_label("Reply to Charlotte Reyes").fill("   ")
    page.get_by_role("button", name="Add Reply").click()
    expect(page.get_by_text("Please write a comment first.")).to_be_visible()
    page.get_by_label("Reply to Charlotte Reyes").fill("And many more!")
    page.get_by_role("button", name="Add Reply").click()
    expect(page.locator(".replies .comment.reply", has_text="And many more!")).to_be_visible()
    assert loads == []
