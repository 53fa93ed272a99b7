"""A visitor lands on a post, joins from there, confirms the email and adds a comment."""

import re

import pytest
from playwright.sync_api import Page, expect

from comments.services import add_comment
from conftest import PASSWORD, body_of, make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_EMAIL = "dina@example.org"
NEW_NAME = "Dina Farouk"
COMMENT = "So glad to find everyone here again!"


def test_a_visitor_joins_from_a_post_confirms_and_comments(
    page: Page, live_server, network, creator, member, smtp
):
    post = make_post(creator, title="Reunion Plans", body="We meet in **June** at the lake.")
    add_comment(post, member, "Count me in.")
    post_url = f"{live_server.url}{post.get_absolute_url()}"
    full_name = network.full_name  # "Riverbend Alumni: Friends Across Every Border"

    page.goto(f"{live_server.url}/blog/")
    entry = page.locator("article.entry", has_text="Reunion Plans")
    expect(entry.locator(".byline")).to_contain_text("1 Comment")

    # The visitor reads the post and the existing comment, and is invited to join.
    page.goto(post_url)
    expect(page.get_by_role("heading", level=1, name="Reunion Plans")).to_be_visible()
    comments = page.locator("#comments")
    expect(comments.locator(".comment", has_text="Count me in.")).to_contain_text("Bilal Ahmed")
    expect(comments).to_contain_text(f"You need to be a member of {full_name} to add comments!")
    expect(page.locator("textarea")).to_have_count(0)

    page.get_by_role("link", name=f"Join {full_name}").click()
    expect(page.get_by_role("heading", level=1, name=f"Join {full_name}")).to_be_visible()
    page.get_by_label("Name").fill(NEW_NAME)
    page.get_by_label("Email").fill(NEW_EMAIL)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Join").click()

    # Not in yet: the email has to be confirmed first.
    expect(page.get_by_role("heading", level=1, name="Check your email")).to_be_visible()
    expect(page.get_by_text(f"We sent a link to {NEW_EMAIL}")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)

    # The confirmation email went through the real SMTP server; its link confirms, signs in
    # and leads back to the post.
    [message] = smtp.wait_for(NEW_EMAIL)
    assert "Riverbend Alumni" in message["Subject"]
    match = re.search(r"https?://\S+/confirm/\S+", body_of(message))
    assert match, body_of(message)
    page.goto(match.group(0))
    expect(page).to_have_url(re.compile(re.escape(post.get_absolute_url()) + r"(#comments)?$"))
    welcome = "Your email is confirmed: you can post and comment now."
    expect(page.get_by_text(welcome)).to_be_visible()
    expect(page.get_by_role("link", name=NEW_NAME)).to_be_visible()
    expect(page.get_by_text("Please confirm your email")).to_have_count(0)

    # The comment form is there now; htmx swaps the comments section in place.
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Add a comment").fill(COMMENT)
    page.get_by_role("button", name="Add Comment").click()
    mine = page.locator("#comments .comment", has_text=COMMENT)
    expect(mine).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True, "the form was not submitted by htmx"
    expect(page.locator("#comments")).to_have_count(1)
    expect(mine.locator(".byline")).to_contain_text(NEW_NAME)
    expect(page.locator("#comments h2")).to_contain_text("2 Comments")
    expect(page.get_by_label("Add a comment")).to_have_value("")

    page.reload()
    expect(page.locator("#comments .comment", has_text=COMMENT)).to_contain_text(NEW_NAME)
    expect(page.locator("#comments .comment")).to_have_count(2)

    page.goto(f"{live_server.url}/blog/")
    expect(entry.locator(".byline")).to_contain_text("2 Comments")
